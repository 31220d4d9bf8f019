package io.phonectl.server.job;

import io.micrometer.core.instrument.Timer;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.fleet.ConcurrencyLimiter;
import io.phonectl.client.xapi.XapiTransport;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.object.XsiDocument;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.InstantSource;
import java.util.function.LongFunction;

/**
 * One claimed item as a {@link JobKind} sees it: the device, and the engine's ways of reaching it with the item's
 * credentials, attempts and deadline. Each call is one complete exchange (retries of transient failures included)
 * answered as an item outcome; a kind that makes several combines them.
 */
public final class KindItem {

    /** One exchange with an xAPI device (its live connection or its HTTP API): what it answered, or null. */
    @FunctionalInterface
    public interface XapiCall {
        JsonNode run(XapiTransport xapi);
    }

    /** Exchanges of a kind's own with one device, within one attempt's timeout; never throws for what a device does. */
    @FunctionalInterface
    public interface Exchange {
        ItemOutcome run(XsiTransport transport, PhoneAddress address, Credentials credentials, Duration timeout);
    }

    private final long jobId;
    private final ClaimedItem item;
    private final PhoneAddress address;
    private final Credentials credentials;
    private final Attempts attempts;
    private final XsiPushPath pushPath;
    private final XsiTransport transport;
    private final LongFunction<XapiTransport> live;
    private final boolean preflight;
    private final InstantSource clock;
    private final Timer latency;

    KindItem(long jobId, ClaimedItem item, PhoneAddress address, Credentials credentials, Attempts attempts,
             XsiPushPath pushPath, XsiTransport transport, LongFunction<XapiTransport> live, boolean preflight,
             InstantSource clock, Timer latency) {
        this.jobId = jobId;
        this.item = item;
        this.address = address;
        this.credentials = credentials;
        this.attempts = attempts;
        this.pushPath = pushPath;
        this.transport = transport;
        this.live = live;
        this.preflight = preflight;
        this.clock = clock;
        this.latency = latency;
    }

    public long jobId() {
        return jobId;
    }

    public ClaimedItem item() {
        return item;
    }

    public InstantSource clock() {
        return clock;
    }

    /**
     * Pushes a document to this XSI phone: the model catalog's pre-flight (unless the job turned it off) and the
     * model's wire form, then the exchanges. UNSUPPORTED/INVALID with the catalog's reason when the model cannot.
     */
    public ItemOutcome push(String label, XsiDocument document) {
        return PushSender.push(pushPath, pushPath.prepare(label, document, preflight), item, address, credentials,
                attempts, clock, latency);
    }

    /**
     * Runs {@code call} on this xAPI device over its HTTP API (HTTPS with the certificate verified on port 443):
     * EXECUTED with {@code detail} and the answer as {@code result}, or the failure's kind and reason.
     */
    public ItemOutcome xapi(String detail, XapiCall call) {
        return XapiSender.run(address, credentials, XapiSender.link(live, item), attempts, clock, detail, call);
    }

    /**
     * Runs the kind's own exchanges (reads, checks) once within the item's timeout and the job's deadline, with the
     * engine's XSI transport; no retries on top of them. DEADLINE_EXCEEDED when no time is left.
     */
    public ItemOutcome exchange(Exchange exchange) {
        Attempts.Result<ItemOutcome> r = attempts.run(timeout -> exchange.run(transport, address, credentials, timeout),
                o -> false, o -> Boolean.FALSE.equals(o.reachable()) ? ConcurrencyLimiter.Outcome.NO_ANSWER
                        : ConcurrencyLimiter.Outcome.ANSWERED);
        return r.last() != null ? r.last() : ItemOutcome.deadlineExceeded(clock.instant());
    }
}
