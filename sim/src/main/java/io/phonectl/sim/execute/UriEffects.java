package io.phonectl.sim.execute;

import io.phonectl.sim.phone.PhoneFeature;
import io.phonectl.sim.phone.PhoneKeys;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.model.ExecuteRules;
import io.phonectl.xsi.model.Support;
import io.phonectl.xsi.object.ResponseItem;
import io.phonectl.xsi.object.ResponseStatus;
import io.phonectl.xsi.uri.ButtonUri;
import io.phonectl.xsi.uri.DeviceUri;
import io.phonectl.xsi.uri.DialUri;
import io.phonectl.xsi.uri.DisplayUri;
import io.phonectl.xsi.uri.EditDialUri;
import io.phonectl.xsi.uri.InitUri;
import io.phonectl.xsi.uri.InternalUri;
import io.phonectl.xsi.uri.KeyUri;
import io.phonectl.xsi.uri.PlayUri;
import io.phonectl.xsi.uri.SendDigitsUri;
import io.phonectl.xsi.uri.SettingsMenuUri;
import io.phonectl.xsi.uri.SoftKeyUri;

import io.phonectl.sim.play.ClipSource;

import java.time.Duration;
import java.util.Optional;

/**
 * What an internal URI in an Execute does to a phone, and the ResponseItem it earns. Support per model is the
 * catalog's answer ({@link io.phonectl.xsi.model.PhoneModel#support}); Execute-only rules are the URI's own
 * ({@link ExecuteRules}). Families run by other features (RTP, App) go to the {@link PhoneFeature} passed in.
 */
final class UriEffects {

    private final ClipSource clips;
    private final PhoneFeature delegate;
    private final Fetcher fetcher;

    UriEffects(ClipSource clips, PhoneFeature delegate, Fetcher fetcher) {
        this.clips = clips;
        this.delegate = delegate;
        this.fetcher = fetcher;
    }

    ResponseItem apply(SimPhone phone, String url) {
        InternalUri uri;
        try {
            uri = InternalUri.parse(url);
        } catch (io.phonectl.xsi.XsiException e) {
            return ResponseItem.of(url, ResponseStatus.INVALID_URI);
        }
        return apply(phone, uri, url);
    }

    /** A URI already parsed (an Execute item of a decoded push); {@code url} is the text as it arrived. */
    ResponseItem apply(SimPhone phone, InternalUri uri, String url) {
        if (!ExecuteRules.violations(uri, phone.model().catalog()).isEmpty()) {
            return ResponseItem.of(url, ResponseStatus.URI_NOT_FOUND);
        }
        Support support = phone.model().catalog().support(uri);
        if (!support.supported()) {
            return ResponseItem.of(url, ResponseStatus.URI_NOT_FOUND);
        }
        return switch (uri) {
            case KeyUri k -> key(phone, k, url);
            case SoftKeyUri s -> followed(phone, PhoneKeys.builtInSoftKey(phone, s.name()), url);
            case DisplayUri d -> {
                switch (d.mode()) {
                    case On -> phone.device().display(true, d.minutes() == null ? 0 : d.minutes());
                    case Off -> phone.device().display(false, d.minutes() == null ? 0 : d.minutes());
                    case Default -> phone.device().displayDefault();
                }
                yield ok(url);
            }
            case InitUri i -> {
                init(phone, i.target());
                yield ok(url);
            }
            case DeviceUri d -> switch (d.command()) {
                case Unlock -> {
                    phone.device().unlock();
                    yield ok(url);
                }
                case GeneratePRT -> Prt.generate(phone, url);
                case PRTStatus -> Prt.status(phone, url);
            };
            case DialUri d -> {
                phone.dial(d.digits());
                yield ok(url);
            }
            case EditDialUri e -> {
                synchronized (phone) {
                    phone.onHook();
                    phone.offHook("speaker");
                    e.number().chars().forEach(c -> phone.digit((char) c));
                }
                yield ok(url);
            }
            case SendDigitsUri s -> phone.sendDigits(s.digits()) ? ok(url)
                    : ResponseItem.of(url, s.applicationId() == null ? ResponseStatus.NO_ACTIVE_CALL
                    : ResponseStatus.NO_ACTIVE_CALL_FOR_APPLICATION);
            case PlayUri p -> play(phone, p, url);
            case SettingsMenuUri m -> followed(phone, PhoneKeys.settingsMenu(phone, m.menu()), url);
            case ButtonUri b -> followed(phone, PhoneKeys.button(phone, b.button().name()), url);
            default -> {
                ResponseItem r = delegate.uri(phone, uri, url);
                yield r != null ? r : ok(url); // Resource, Vibrate, QueryStringParam: accepted, nothing to show
            }
        };
    }

    private ResponseItem key(SimPhone phone, KeyUri k, String url) {
        String key = phone.model().catalog().keyEquivalent(k.key()).orElse(k.key());
        PhoneKeys.Outcome o = PhoneKeys.press(phone, key);
        if (!o.known()) {
            phone.log("key " + k.key() + " discarded");
        }
        return followed(phone, o, url);
    }

    private ResponseItem followed(SimPhone phone, PhoneKeys.Outcome o, String url) {
        if (o.follow() != null) {
            fetcher.follow(phone, o.follow());
        }
        return ok(url);
    }

    private static void init(SimPhone phone, InitUri.Target target) {
        synchronized (phone) {
            switch (target) {
                case AppStatus -> phone.statusOverlay(null);
                case CallHistory -> closeIf(phone, "Directories");
                default -> closeIf(phone, target.name());
            }
        }
    }

    private static void closeIf(SimPhone phone, String app) {
        if (app.equals(phone.openApplication())) {
            phone.popToIdle();
        }
    }

    /**
     * Play is synchronous on real phones: the HTTP answer waits for the clip (notes §2.2). A file the phone
     * cannot find answers Status 6 "URI not found": the spec does not say what a missing file earns, and 6 is
     * what the phone answers for a URI it cannot act on.
     */
    private ResponseItem play(SimPhone phone, PlayUri p, String url) {
        if (p.isStop()) {
            phone.log("play stopped");
            return ok(url);
        }
        Optional<Duration> length = clips.length(p.file());
        if (length.isEmpty()) {
            phone.log("play " + p.file() + ": no such file");
            return ResponseItem.of(url, ResponseStatus.URI_NOT_FOUND);
        }
        phone.log("playing " + p.file() + " (" + length.get().toMillis() + " ms)");
        try {
            Thread.sleep(length.get()); // runs on a virtual thread; this is the behaviour being simulated
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResponseItem.of(url, ResponseStatus.FAILURE);
        }
        return ok(url);
    }

    private static ResponseItem ok(String url) {
        return ResponseItem.of(url, ResponseStatus.SUCCESS);
    }
}
