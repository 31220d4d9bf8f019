package io.phonectl.server.job;

import io.micrometer.core.instrument.Timer;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.xsi.object.XsiDocument;

import java.time.InstantSource;

/**
 * One claimed item as a {@link JobKind} sees it: the device, and the engine's ways of reaching it with the item's
 * credentials, attempts and deadline. Each call is one complete exchange (retries of transient failures included)
 * answered as an item outcome; a kind that makes several combines them.
 */
public final class KindItem {

    /** One exchange over a device's HTTP API: what it answered (null when nothing worth keeping). */
    @FunctionalInterface
    public interface XapiCall {
        tools.jackson.databind.JsonNode run(io.phonectl.client.xapi.XapiHttpClient http);
    }

    private final long jobId;
    private final ClaimedItem item;
    private final PhoneAddress address;
    private final Credentials credentials;
    private final Attempts attempts;
    private final XsiPushPath pushPath;
    private final boolean preflight;
    private final InstantSource clock;
    private final Timer latency;

    KindItem(long jobId, ClaimedItem item, PhoneAddress address, Credentials credentials, Attempts attempts,
             XsiPushPath pushPath, boolean preflight, InstantSource clock, Timer latency) {
        this.jobId = jobId;
        this.item = item;
        this.address = address;
        this.credentials = credentials;
        this.attempts = attempts;
        this.pushPath = pushPath;
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
        return XapiSender.run(address, credentials, attempts, clock, detail, call);
    }
}
