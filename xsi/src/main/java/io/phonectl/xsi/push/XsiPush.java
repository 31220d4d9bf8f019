package io.phonectl.xsi.push;

import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.action.Outgoing;
import io.phonectl.xsi.codec.FormBody;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.component.GetDeviceCaps;
import io.phonectl.xsi.component.StartMedia;
import io.phonectl.xsi.component.StopMedia;
import io.phonectl.xsi.model.PhoneModel;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.object.ExecuteItem;
import io.phonectl.xsi.object.PhoneError;
import io.phonectl.xsi.object.Response;
import io.phonectl.xsi.object.Urls;
import io.phonectl.xsi.object.XsiDocument;
import io.phonectl.xsi.object.XsiObject;
import io.phonectl.xsi.uri.InternalUri;
import io.phonectl.xsi.uri.KeyUri;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One push to {@code /CGI/Execute}, built once and immutable (in the spirit of OkHttp's {@code Request}): the typed
 * document, its Execute items with their URIs already parsed, the encoded XML, the {@code XML=} form body and its
 * content type, and the size, checked once against a {@link SizeProfile} when the push is built. A fleet sends the
 * same bytes to every phone; {@link #forModel} gives the model's wire form (the catalog's key spellings) only where
 * it differs, encoded once per distinct spelling. Thread-safe.
 * <p>
 * {@link #pushable} is the one rule of what can be pushed. The factories apply it and throw
 * {@link XsiValidationException} (field, value, rule, source) for anything that is not a push, for an Execute item
 * that is no readable URI, and for a document over its size profile. {@link #decode} is the receiving side (the
 * simulated phone): it keeps unreadable items as {@link PushItem.Unreadable}, because a phone answers them item by item.
 */
public final class XsiPush {

    /** Where every push goes. */
    public static final String PATH = "/CGI/Execute";
    /** Phones expect the form body labelled with its charset (reference notes §2.2, §2.4). */
    public static final String CONTENT_TYPE = FormBody.CONTENT_TYPE + "; charset=UTF-8";

    private final String label;
    private final XsiDocument document;
    private final List<PushItem> items;
    private final byte[] xml;
    private final byte[] body;
    private final SizeProfile profile;
    private final int hash;
    /** Wire forms by their item URLs: models that spell keys alike share one encoding. */
    private final Map<List<String>, XsiPush> wireForms = new ConcurrentHashMap<>();

    private XsiPush(String label, XsiDocument document, List<PushItem> items, byte[] xml, byte[] body,
                    SizeProfile profile) {
        this.label = label;
        this.document = document;
        this.items = List.copyOf(items);
        this.xml = xml;
        this.body = body;
        this.profile = profile;
        this.hash = 31 * (31 * label.hashCode() + profile.hashCode()) + Arrays.hashCode(xml);
    }

    // ---- building (the sending side) ----

    /** A typed document under the 40 KB profile, labelled by its root element. */
    public static XsiPush of(XsiDocument document) {
        return of(document.rootElement(), document, SizeProfile.POST_40KB);
    }

    public static XsiPush of(String label, XsiDocument document) {
        return of(label, document, SizeProfile.POST_40KB);
    }

    /** A typed document, encoded as UTF-8 once and checked against {@code profile} (512 B on old firmware). */
    public static XsiPush of(String label, XsiDocument document, SizeProfile profile) {
        Objects.requireNonNull(document, "document");
        requirePushable(label, document);
        List<PushItem> items = PushItem.readAll(document);
        return build(label, document, requireReadable(items), profile);
    }

    /** What an action of the catalog builds; a URI it built already parsed is kept, not parsed again. */
    public static XsiPush of(String label, Outgoing outgoing) {
        return switch (outgoing) {
            case Outgoing.DocumentPush d -> of(label, d.document());
            case Outgoing.UriPush u -> u.execute().items().size() == 1
                    && u.execute().items().getFirst().url().equals(u.uri().format())
                    ? build(label, u.execute(), List.of(new PushItem.Internal(u.execute().items().getFirst(), u.uri())),
                    SizeProfile.POST_40KB)
                    : of(label, u.execute());
            case Outgoing.UriReference r -> throw notPushable(label, Urls.redact(r.uri().format())
                    + " is placed inside other objects (softkeys, event handlers), not pushed by itself");
            case Outgoing.HttpGet g -> throw notPushable(label, "it is a query (" + g.requestLine() + "), not a push");
        };
    }

    /**
     * A document someone wrote (a file): read leniently so that validation can judge it, and sent as the bytes
     * given (their declared encoding wins). Unreadable text fails with {@link io.phonectl.xsi.XsiParseException}.
     */
    public static XsiPush ofXml(String label, byte[] xml) {
        XsiDocument document = XsiCodec.decode(xml, XsiCodec.Mode.LENIENT);
        requirePushable(label, document);
        List<PushItem> items = requireReadable(PushItem.readAll(document));
        byte[] copy = xml.clone();
        SizeProfile.POST_40KB.check(FormBody.XML_FIELD, copy.length);
        return new XsiPush(label, document, items, copy, FormBody.encodeField(FormBody.XML_FIELD, copy),
                SizeProfile.POST_40KB);
    }

    private static XsiPush build(String label, XsiDocument document, List<PushItem> items, SizeProfile profile) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(profile, "profile");
        byte[] xml = XsiCodec.encode(document, StandardCharsets.UTF_8);
        PushStats.ENCODED.increment();
        profile.check(FormBody.XML_FIELD, xml.length);
        return new XsiPush(label, document, items, xml, FormBody.encodeField(FormBody.XML_FIELD, xml), profile);
    }

    // ---- receiving (the phone's side) ----

    /**
     * A push as a phone receives it: the {@code XML} field of the body in any of the three body styles
     * ({@link FormBody}), checked against the phone's size profile, decoded in {@code mode}. Execute items whose URI
     * cannot be read are kept as {@link PushItem.Unreadable}. Fails with the codec's typed errors, or
     * {@link XsiValidationException} for a size over the profile or a document that is no push.
     */
    public static XsiPush decode(byte[] body, XsiCodec.Mode mode, SizeProfile profile) {
        byte[] xml = FormBody.xml(body);
        profile.check(FormBody.XML_FIELD, xml.length);
        XsiDocument document = XsiCodec.decode(xml, mode);
        requirePushable(document.rootElement(), document);
        return new XsiPush(document.rootElement(), document, PushItem.readAll(document), xml, body.clone(), profile);
    }

    // ---- the rule ----

    /**
     * What can be pushed to {@code /CGI/Execute}: display objects and CiscoIPPhoneExecute (not the phone's answers
     * CiscoIPPhoneResponse and CiscoIPPhoneError), startMedia, stopMedia and getDeviceCaps (posted like a push).
     */
    public static boolean pushable(XsiDocument document) {
        return document instanceof XsiObject o ? !(o instanceof Response) && !(o instanceof PhoneError)
                : document instanceof StartMedia || document instanceof StopMedia || document instanceof GetDeviceCaps;
    }

    private static void requirePushable(String label, XsiDocument document) {
        if (!pushable(document)) {
            throw notPushable(label, "<" + document.rootElement() + "> is an answer, not something sent to a phone");
        }
    }

    private static XsiValidationException notPushable(String label, String why) {
        return new XsiValidationException(Violation.of("push", label, "pushable to " + PATH + ": " + why,
                Sources.CONTROL_SPEC));
    }

    private static List<PushItem> requireReadable(List<PushItem> items) {
        List<Violation> bad = new ArrayList<>();
        for (PushItem i : items) {
            if (i instanceof PushItem.Unreadable u) {
                bad.addAll(u.violations());
            }
        }
        if (!bad.isEmpty()) {
            throw new XsiValidationException(bad);
        }
        PushStats.URIS_READ.add(items.stream().filter(i -> i instanceof PushItem.Internal).count());
        return items;
    }

    // ---- the model's wire form ----

    /**
     * This push as {@code model} wants it on the wire: Key URIs in the model's own spelling ({@code Key:VolDown} on
     * 7800/9800 where the spec spells {@code Key:VolDwn}, {@link PhoneModel#wireFormat}). This push itself when
     * nothing differs; otherwise one re-encoded push per distinct spelling, shared by every model that spells so.
     */
    public XsiPush forModel(PhoneModel model) {
        List<String> wire = null;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof PushItem.Internal in && in.uri() instanceof KeyUri) {
                String spelled = model.wireFormat(in.uri());
                if (!spelled.equals(in.item().url())) {
                    if (wire == null) {
                        wire = new ArrayList<>(items.stream().map(it -> it.item().url()).toList());
                    }
                    wire.set(i, spelled);
                }
            }
        }
        return wire == null ? this : wireForms.computeIfAbsent(List.copyOf(wire), this::respelled);
    }

    private XsiPush respelled(List<String> urls) {
        List<ExecuteItem> spelled = new ArrayList<>(urls.size());
        List<PushItem> kept = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            PushItem it = items.get(i);
            ExecuteItem e = new ExecuteItem(it.item().priority(), urls.get(i));
            spelled.add(e);
            kept.add(it instanceof PushItem.Internal in ? new PushItem.Internal(e, in.uri()) : it);
        }
        return build(label, new Execute(spelled), kept, profile);
    }

    // ---- accessors ----

    /** What the push is called in reports: an action id, a file name, the URIs. */
    public String label() {
        return label;
    }

    public XsiDocument document() {
        return document;
    }

    /** The root element, e.g. CiscoIPPhoneExecute. */
    public String rootElement() {
        return document.rootElement();
    }

    /** The Execute items with their parsed URIs (empty for other documents). */
    public List<PushItem> items() {
        return items;
    }

    public SizeProfile profile() {
        return profile;
    }

    /** Size of the encoded document in bytes: what the size profiles limit. */
    public int size() {
        return xml.length;
    }

    /** A copy of the encoded document. */
    public byte[] xml() {
        return xml.clone();
    }

    /** The document as text (UTF-8 view of the bytes), e.g. to show what is sent. */
    public String xmlText() {
        return new String(xml, StandardCharsets.UTF_8);
    }

    public String contentType() {
        return CONTENT_TYPE;
    }

    /** The {@code XML=} form body, read-only and shared: every send reads the same bytes. */
    public ByteBuffer body() {
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    public int bodyLength() {
        return body.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XsiPush p && p.hash == hash && p.label.equals(label) && p.profile == profile
                && Arrays.equals(p.xml, xml);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Never the XML: it may carry Notify credentials. */
    @Override
    public String toString() {
        return "XsiPush[" + label + ", " + document.rootElement() + ", " + xml.length + " bytes]";
    }
}
