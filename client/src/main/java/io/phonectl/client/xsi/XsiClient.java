package io.phonectl.client.xsi;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.xsi.internal.AnswerClassifier;
import io.phonectl.client.xsi.internal.FormBody;
import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.XsiValidationException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * XSI for one phone: pushes to {@code /CGI/Execute} and queries. Cheap to create (one per phone is
 * fine); the I/O is the shared {@link XsiTransport}'s. Thread-safe. Push methods never throw for
 * anything the phone or network does: those come back as {@link PushOutcome}s; they throw
 * {@link XsiValidationException} only when what the caller asks to send breaks a rule.
 */
public final class XsiClient {

    public static final String EXECUTE_PATH = "/CGI/Execute";
    public static final String SCREENSHOT_PATH = "/CGI/Screenshot";

    private final XsiTransport transport;
    private final PhoneAddress phone;
    private final Credentials credentials;
    private final SizeProfile sizeProfile;

    private XsiClient(XsiTransport transport, PhoneAddress phone, Credentials credentials, SizeProfile sizeProfile) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.phone = Objects.requireNonNull(phone, "phone");
        this.credentials = credentials;
        this.sizeProfile = Objects.requireNonNull(sizeProfile, "sizeProfile");
    }

    /** A client for one phone; credentials may be null for pages that need none. */
    public static XsiClient of(XsiTransport transport, PhoneAddress phone, Credentials credentials) {
        return new XsiClient(transport, phone, credentials, SizeProfile.POST_40KB);
    }

    /** The same phone with another size profile (512 B for old firmware; the model catalog knows which). */
    public XsiClient withSizeProfile(SizeProfile profile) {
        return new XsiClient(transport, phone, credentials, profile);
    }

    public PhoneAddress phone() {
        return phone;
    }

    public XsiTransport transport() {
        return transport;
    }

    /** Pushes any encoded XSI document (Execute, a display object, startMedia/stopMedia, getDeviceCaps). */
    public PushOutcome push(String xml) {
        return pushAsync(xml, null).join();
    }

    /** As {@link #push(String)} with a longer (or shorter) total time, e.g. for {@code Play:} pushes. */
    public PushOutcome push(String xml, Duration timeout) {
        return pushAsync(xml, timeout).join();
    }

    /** Asynchronous push; the future always completes normally. */
    public CompletableFuture<PushOutcome> pushAsync(String xml, Duration timeout) {
        byte[] body = encodeChecked(xml);
        return transport.post(phone, credentials, EXECUTE_PATH, FormBody.CONTENT_TYPE, body, timeout)
                .thenApply(ex -> switch (ex) {
                    case Exchange.Failed f -> f.outcome();
                    case Exchange.Answered a -> AnswerClassifier.classify(a.answer().status(),
                            a.answer().contentType(), a.answer().body());
                });
    }

    /** Checks the document against the size profile and form-encodes it. */
    byte[] encodeChecked(String xml) {
        Objects.requireNonNull(xml, "xml");
        sizeProfile.check("XML", xml.getBytes(StandardCharsets.UTF_8).length);
        return FormBody.encode(xml);
    }

    /** Takes a screenshot from {@link #SCREENSHOT_PATH}. */
    public QueryResult<Screenshot> screenshot() {
        return screenshot(SCREENSHOT_PATH);
    }

    /**
     * Takes a screenshot from a model-specific path. A non-image answer becomes the failure it is: usually
     * Error 4 with an XML type (wrong credentials, reference notes §2.3 and §2.6).
     */
    public QueryResult<Screenshot> screenshot(String path) {
        return transport.get(phone, credentials, path, null).thenApply(XsiClient::toScreenshot).join();
    }

    static QueryResult<Screenshot> toScreenshot(Exchange ex) {
        return switch (ex) {
            case Exchange.Failed f -> new QueryResult.Failed<>(f.outcome());
            case Exchange.Answered a -> {
                Answer ans = a.answer();
                String ct = ans.contentType() == null ? "" : ans.contentType().toLowerCase(Locale.ROOT);
                Screenshot shot = ans.status() == 200 ? Screenshot.sniff(ans.body()) : null;
                if (shot != null && (ct.isEmpty() || ct.startsWith("image/") || ct.startsWith("application/octet-stream"))) {
                    yield new QueryResult.Ok<>(shot);
                }
                PushOutcome why = AnswerClassifier.classify(ans.status(), ans.contentType(), ans.body());
                yield new QueryResult.Failed<>(why.succeeded()
                        ? new PushOutcome.Malformed(ans.status(), ans.contentType(), "not a PNG or BMP image")
                        : why);
            }
        };
    }

    /**
     * GETs a page (device information pages, {@code ?n} indexes included) and returns its raw answer,
     * or the failure. 404 past the last port/stream index comes back as MALFORMED with "HTTP 404".
     */
    public QueryResult<Answer> page(String pathAndQuery) {
        return transport.get(phone, credentials, pathAndQuery, null).thenApply(ex -> switch (ex) {
            case Exchange.Failed f -> new QueryResult.Failed<Answer>(f.outcome());
            case Exchange.Answered a -> a.answer().status() == 200
                    ? new QueryResult.Ok<>(a.answer())
                    : new QueryResult.Failed<Answer>(pageFailure(a.answer()));
        }).join();
    }

    private static PushOutcome pageFailure(Answer a) {
        PushOutcome why = AnswerClassifier.classify(a.status(), a.contentType(), a.body());
        return why.succeeded() || why.kind() == OutcomeKind.MALFORMED
                ? new PushOutcome.Malformed(a.status(), a.contentType(), "HTTP " + a.status() + " for the page")
                : why;
    }

    @Override
    public String toString() {
        return "XsiClient[" + phone + (credentials == null ? "" : ", user=" + credentials.user()) + "]";
    }
}
