package io.phonectl.sim.execute;

import io.phonectl.sim.net.HttpFetch;
import io.phonectl.sim.net.Reply;
import io.phonectl.sim.phone.CallState;
import io.phonectl.sim.phone.PhoneFeature;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.XsiException;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.component.ComponentMessage;
import io.phonectl.xsi.component.DisplayCaps;
import io.phonectl.xsi.component.GetDeviceCaps;
import io.phonectl.xsi.component.GetDeviceCapsResponse;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.object.ExecuteItem;
import io.phonectl.xsi.object.PhoneError;
import io.phonectl.xsi.object.Response;
import io.phonectl.xsi.object.ResponseItem;
import io.phonectl.xsi.object.ResponseStatus;
import io.phonectl.xsi.object.SetBackground;
import io.phonectl.xsi.object.SetRingTone;
import io.phonectl.xsi.object.Status;
import io.phonectl.xsi.object.StatusFile;
import io.phonectl.xsi.object.XsiDocument;
import io.phonectl.xsi.object.XsiObject;
import io.phonectl.xsi.push.PushItem;
import io.phonectl.xsi.push.XsiPush;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /CGI/Execute} after authentication: reads the push with {@link XsiPush#decode} (the {@code XML} field
 * in any of the three body styles, the model's size profile, each Execute URI parsed once), then runs an Execute
 * item by item or shows a pushed object. Answers one ResponseItem per ExecuteItem; an invalid object shows the phone's prompt-line error and
 * answers {@code <CiscoIPPhoneError Number="1" />}; Multiplatform (MPP) profiles answer an empty 200
 * (reference notes §2.1–2.2). Component messages and the URI families other features run go to the
 * {@link PhoneFeature}s it was created with. Thread-safe.
 */
public final class ExecuteService implements PhoneFeature {

    /** What phones print on the prompt line for an object they cannot parse. */
    public static final String PARSE_ERROR_PROMPT = "XML Error [4]: Parse Error";

    private final UriEffects uris;
    private final Fetcher fetcher;
    private final ObjectScreens screens;
    private final DeviceFiles files;
    private final XsiCodec.Mode mode;
    private final PhoneFeature features;
    private final Map<String, Map<String, io.phonectl.xsi.model.Support>> supports = new ConcurrentHashMap<>();

    private ExecuteService(UriEffects uris, Fetcher fetcher, ObjectScreens screens, DeviceFiles files,
                           XsiCodec.Mode mode, PhoneFeature features) {
        this.uris = uris;
        this.fetcher = fetcher;
        this.screens = screens;
        this.files = files;
        this.mode = mode;
        this.features = features;
    }

    public static ExecuteService create() {
        return create(io.phonectl.sim.play.ClipSource.builtIn(), XsiCodec.Mode.LENIENT, PhoneFeature.NONE,
                new HttpFetch(true));
    }

    /**
     * {@code features} take the component messages and the URI families this service does not run itself;
     * {@code http} is the fleet's outgoing client (its owner closes it).
     */
    public static ExecuteService create(io.phonectl.sim.play.ClipSource clips, XsiCodec.Mode mode, PhoneFeature features,
                                        HttpFetch http) {
        PhoneHttp phoneHttp = new PhoneHttp(http);
        PhoneImages images = new PhoneImages(phoneHttp);
        ObjectScreens screens = new ObjectScreens(images);
        Fetcher fetcher = new Fetcher(phoneHttp, screens, mode);
        return new ExecuteService(new UriEffects(clips, features, fetcher), fetcher, screens,
                new DeviceFiles(phoneHttp, images), mode, features);
    }

    /** Runs one internal URI as if pushed alone (event handlers); recorded like an Execute item. */
    public ResponseItem runUri(SimPhone phone, String url) {
        ResponseItem r = uris.apply(phone, url);
        phone.history().recordExecuted(url, r.status(), r.data());
        return r;
    }

    /** Page refreshes (Refresh header): a phone listener, started on the host's scheduler. */
    public Refresher refresher() {
        return fetcher.refresher();
    }

    /** The phone browser's state for the inspection API: cookie sessions and the pending refresh, if any. */
    public Map<String, Object> browserState(SimPhone phone) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("cookies", phone.extension(CookieJar.class, CookieJar::new).view(phone.clock().instant()));
        m.put("refresh", fetcher.refresher().pending(phone).orElse(null));
        return m;
    }

    /** Fetches and shows an HTTP URL as the phone's browser would (a selected item, a softkey). */
    public String follow(SimPhone phone, String url) {
        return fetcher.follow(phone, url);
    }

    @Override
    public Reply execute(SimPhone phone, String contentType, byte[] body) {
        if (phone.model().multiplatform()) {
            phone.history().recordExecuted("(MPP: body of " + body.length + " bytes not answered)", 0, "");
            return Reply.empty(200);
        }
        XsiPush push;
        try {
            push = DecodedPushes.decode(body, mode, phone.model().sizeProfile());
        } catch (XsiException e) {
            String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
            Reply component = text.contains("startMedia") || text.contains("stopMedia")
                    ? features.invalidComponent(phone, e.getMessage()) : null;
            if (component != null) {
                phone.history().recordExecuted("(invalid component message) " + e.getMessage(), 400, "InvalidXML");
                return component;
            }
            return invalid(phone, e.getMessage());
        }
        XsiDocument doc = push.document();
        var support = supportObject(phone, doc.rootElement());
        if (!support.supported()) {
            return invalid(phone, doc.rootElement() + " is not supported on " + phone.model().name());
        }
        return switch (doc) {
            case Execute ex -> respond(run(phone, push.items()));
            case Status st -> {
                phone.statusOverlay(st.text());
                yield shown(phone, st.rootElement());
            }
            case StatusFile st -> {
                phone.statusOverlay(st.text());
                yield shown(phone, st.rootElement());
            }
            case SetBackground bg -> files.background(phone, bg);
            case SetRingTone rt -> files.ringTone(phone, rt);
            case GetDeviceCaps caps -> deviceCaps(phone);
            case ComponentMessage m -> {
                Reply r = features.component(phone, m);
                yield r != null ? r : invalid(phone, m.rootElement() + " is not accepted by this phone");
            }
            case XsiObject o when ObjectScreens.displayable(o) -> {
                phone.push(screens.of(phone, o, "push").orElseThrow());
                yield shown(phone, o.rootElement());
            }
            default -> invalid(phone, doc.rootElement() + " cannot be pushed");
        };
    }

    /**
     * The catalog's verdict on a pushed object for this phone's model, worked out once per model and root element
     * (its rules are matched by pattern: a twentieth of the simulator's work per push when done for each). Both keys
     * are of closed sets: the catalog's models and the decoder's object types.
     */
    private io.phonectl.xsi.model.Support supportObject(SimPhone phone, String root) {
        var model = phone.model().catalog();
        return supports.computeIfAbsent(model.name(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(root, model::supportObject);
    }

    /** Item by item, with the URIs the push read when it was decoded (each is parsed once). */
    private Response run(SimPhone phone, List<PushItem> items) {
        List<ResponseItem> out = new ArrayList<>(items.size());
        for (PushItem item : items) {
            String url = item.item().url();
            ResponseItem r = switch (item) {
                case PushItem.Http h -> http(phone, h.item());
                case PushItem.Internal in -> uris.apply(phone, in.uri(), url);
                case PushItem.Unreadable u -> ResponseItem.of(url, ResponseStatus.INVALID_URI);
            };
            phone.history().recordExecuted(url, r.status(), r.data());
            out.add(r);
        }
        return new Response(out);
    }

    /** Priority applies to HTTP URLs only: 0 now, 1 when idle, 2 only if idle (control spec ExecuteItem). */
    private ResponseItem http(SimPhone phone, ExecuteItem item) {
        boolean idle = phone.call() == CallState.IDLE;
        switch (item.priority()) {
            case 1 -> {
                if (!idle) {
                    phone.whenIdle(() -> fetcher.follow(phone, item.url()));
                    phone.log("deferred " + item.url() + " until the phone is idle");
                    return ResponseItem.of(item.url(), ResponseStatus.SUCCESS);
                }
            }
            case 2 -> {
                if (!idle) {
                    phone.log("discarded " + item.url() + ": phone busy and Priority is 2");
                    return ResponseItem.of(item.url(), ResponseStatus.SUCCESS);
                }
            }
            default -> {
                // Priority 0: at once
            }
        }
        fetcher.follow(phone, item.url());
        return ResponseItem.of(item.url(), ResponseStatus.SUCCESS);
    }

    private Reply deviceCaps(SimPhone phone) {
        var m = phone.model();
        GetDeviceCapsResponse caps = new GetDeviceCapsResponse(m.headerName(),
                new DisplayCaps(m.width(), m.height(), m.depth(), m.colour()), m.sdkVersion(), null);
        phone.history().recordExecuted("getDeviceCaps", 0, "Success");
        return new Reply(200, Reply.XML, Map.of(), XsiCodec.encode(caps));
    }

    private static Reply shown(SimPhone phone, String root) {
        phone.history().recordExecuted(root, 0, "Success");
        return SHOWN;
    }

    /** The answer to every object shown, the same bytes each time: encoded once (a reply's body is never changed). */
    private static final Reply SHOWN = respond(new Response(List.of(ResponseItem.of("", ResponseStatus.SUCCESS))));

    private static Reply invalid(SimPhone phone, String why) {
        synchronized (phone) {
            phone.replaceTop(phone.screen().withPrompt(PARSE_ERROR_PROMPT));
        }
        phone.history().recordExecuted("(invalid object) " + why, 1, "CiscoIPPhoneError Number=1");
        return new Reply(200, Reply.XML, Map.of(), XsiCodec.encode(PhoneError.of(PhoneError.PARSE_ERROR)));
    }

    private static Reply respond(Response r) {
        return new Reply(200, Reply.XML, Map.of(), XsiCodec.encode(r));
    }
}
