package io.phonectl.client.xsi;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.xsi.XsiException;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.component.GetDeviceCaps;
import io.phonectl.xsi.component.GetDeviceCapsResponse;
import io.phonectl.xsi.component.StartMedia;
import io.phonectl.xsi.component.StopMedia;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.push.XsiPush;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * XSI for one phone: pushes to {@code /CGI/Execute} and queries. Cheap to create (one per phone is
 * fine); the I/O is the shared {@link XsiTransport}'s. Thread-safe. Methods never throw for anything the
 * phone or the network does: that comes back as a {@link PushOutcome}. What is sent is an {@link XsiPush}, built
 * (validated, encoded, size-checked) once by the caller; the conveniences that build one throw
 * {@link XsiValidationException} when what the caller asks to send breaks a rule.
 */
public final class XsiClient {

    public static final String SCREENSHOT_PATH = "/CGI/Screenshot";

    /** Built once per process: every getDeviceCaps sends the same bytes. */
    private static final XsiPush DEVICE_CAPS = XsiPush.of(new GetDeviceCaps());

    private final XsiTransport transport;
    private final PhoneAddress phone;
    private final Credentials credentials;

    private XsiClient(XsiTransport transport, PhoneAddress phone, Credentials credentials) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.phone = Objects.requireNonNull(phone, "phone");
        this.credentials = credentials;
    }

    /** A client for one phone; credentials may be null for pages that need none. */
    public static XsiClient of(XsiTransport transport, PhoneAddress phone, Credentials credentials) {
        return new XsiClient(transport, phone, credentials);
    }

    public PhoneAddress phone() {
        return phone;
    }

    // ---- pushes ----

    /** Sends a push within the transport's request timeout. */
    public PushOutcome push(XsiPush push) {
        return push(push, transport.config().requestTimeout());
    }

    /** Sends a push within {@code timeout}, e.g. the clip length for a {@code Play:} push (which holds the answer). */
    public PushOutcome push(XsiPush push, Duration timeout) {
        return pushAsync(push, timeout).join();
    }

    /** Asynchronous push; the future always completes normally. */
    public CompletableFuture<PushOutcome> pushAsync(XsiPush push, Duration timeout) {
        Objects.requireNonNull(push, "push");
        return transport.post(phone, credentials, push, timeout).thenApply(XsiClient::outcome);
    }

    private static PushOutcome outcome(Exchange ex) {
        return switch (ex) {
            case Exchange.Failed f -> f.outcome();
            case Exchange.Answered a -> AnswerClassifier.classify(a.answer().status(), a.answer().contentType(),
                    a.answer().body());
        };
    }

    /** Pushes one to three URIs (internal URIs and at most one HTTP URL) in a CiscoIPPhoneExecute. */
    public PushOutcome execute(String... uris) {
        return push(XsiPush.of(Execute.of(uris)));
    }

    /** startMedia: {@link PushOutcome.MediaStarted} with the stream id, or MediaError (UnavailableResource…). */
    public PushOutcome startMedia(StartMedia request) {
        return push(XsiPush.of(request));
    }

    /** stopMedia: an empty 200 (ACCEPTED_NO_RESPONSE) on success, MediaError InvalidResourceID for an unknown id. */
    public PushOutcome stopMedia(StopMedia request) {
        return push(XsiPush.of(request));
    }

    // ---- queries ----

    /** getDeviceCaps, posted like a push; the answer is the typed capabilities or the failure. */
    public QueryResult<GetDeviceCapsResponse> deviceCaps() {
        Exchange ex = transport.post(phone, credentials, DEVICE_CAPS, transport.config().requestTimeout()).join();
        return switch (ex) {
            case Exchange.Failed f -> new QueryResult.Failed<>(f.outcome());
            case Exchange.Answered a -> {
                Answer ans = a.answer();
                try {
                    if (ans.status() == 200 && XsiCodec.decode(ans.body(), XsiCodec.Mode.LENIENT)
                            instanceof GetDeviceCapsResponse caps) {
                        yield new QueryResult.Ok<>(caps);
                    }
                } catch (RuntimeException e) {
                    // not a capabilities document: classified below like any other answer
                }
                PushOutcome why = AnswerClassifier.classify(ans.status(), ans.contentType(), ans.body());
                yield new QueryResult.Failed<>(why.succeeded()
                        ? new PushOutcome.Malformed(ans.status(), ans.contentType(), "not a getDeviceCapsResponse")
                        : why);
            }
        };
    }

    /** A device page without an index (device, network, ethernet). */
    public <T> QueryResult<T> page(DevicePage<T> page) {
        return page(page, page.firstIndex());
    }

    /** A device page; {@code n} is the port, log or stream index. 404 past the last index is MALFORMED "HTTP 404". */
    public <T> QueryResult<T> page(DevicePage<T> page, int n) {
        return rawPage(page.pathAndQuery(n)).flatMap(answer -> {
            try {
                return new QueryResult.Ok<>(page.reader().apply(answer.body()));
            } catch (RuntimeException e) {
                // the readers' contract is XsiParseException; anything else still becomes an outcome
                String why = e instanceof XsiException ? e.getMessage() : e.getClass().getSimpleName();
                return new QueryResult.Failed<>(new PushOutcome.Malformed(answer.status(), answer.contentType(),
                        page.name() + " page unreadable: " + why));
            }
        });
    }

    /** GETs any page and returns its raw answer when it is a 200, else the failure. */
    public QueryResult<Answer> rawPage(String pathAndQuery) {
        Exchange ex = transport.get(phone, credentials, pathAndQuery, transport.config().requestTimeout()).join();
        return switch (ex) {
            case Exchange.Failed f -> new QueryResult.Failed<>(f.outcome());
            case Exchange.Answered a -> a.answer().status() == 200
                    ? new QueryResult.Ok<>(a.answer())
                    : new QueryResult.Failed<>(pageFailure(a.answer()));
        };
    }

    private static PushOutcome pageFailure(Answer a) {
        PushOutcome why = AnswerClassifier.classify(a.status(), a.contentType(), a.body());
        return why.succeeded() || why.kind() == OutcomeKind.MALFORMED
                ? new PushOutcome.Malformed(a.status(), a.contentType(), "HTTP " + a.status() + " for the page")
                : why;
    }

    /** Takes a screenshot from {@link #SCREENSHOT_PATH}. */
    public QueryResult<Screenshot> screenshot() {
        return screenshot(SCREENSHOT_PATH);
    }

    /**
     * Takes a screenshot from a model-specific path (the catalog's screenshotPath). A non-image answer becomes
     * the failure it is: usually Error 4 with an XML type (wrong credentials, reference notes §2.3, §2.6).
     */
    public QueryResult<Screenshot> screenshot(String path) {
        return toScreenshot(transport.get(phone, credentials, path, transport.config().requestTimeout()).join());
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

    @Override
    public String toString() {
        return "XsiClient[" + phone + (credentials == null ? "" : ", user=" + credentials.user()) + "]";
    }
}
