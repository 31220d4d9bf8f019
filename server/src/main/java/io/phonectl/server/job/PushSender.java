package io.phonectl.server.job;

import io.micrometer.core.instrument.Timer;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.fleet.Preflight;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.server.http.Json;
import io.phonectl.xsi.object.ResponseItem;
import io.phonectl.xsi.push.XsiPush;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sends an XSI push to one phone: the model catalog's pre-flight first (nothing is sent to a model that cannot
 * show it), then the exchanges. The document is encoded once per job, or per item when it carries the item's
 * callback URI.
 */
final class PushSender implements ItemDispatch.ItemSender {

    private final XsiPushPath path;
    private final JobAction.Push action;
    private final XsiPushPath.Prepared shared;
    private final Function<ClaimedItem, String> callbackUri;
    private final boolean preflight;
    private final InstantSource clock;
    private final Timer latency;

    PushSender(XsiPushPath path, JobAction.Push action, Function<ClaimedItem, String> callbackUri, boolean preflight,
               InstantSource clock, Timer latency) {
        this.path = path;
        this.action = action;
        this.shared = action.perItem() == null ? path.prepare(action.id(), action.document(), preflight) : null;
        this.callbackUri = callbackUri;
        this.preflight = preflight;
        this.clock = clock;
        this.latency = latency;
    }

    @Override
    public boolean needsCredentials() {
        return true;
    }

    @Override
    public ItemOutcome send(ClaimedItem item, PhoneAddress address, Credentials credentials, Attempts attempts) {
        XsiPushPath.Prepared p = shared != null ? shared
                : path.prepare(action.id(), action.perItem().apply(callbackUri.apply(item)), preflight);
        return push(path, p, item, address, credentials, attempts, clock, latency);
    }

    /** Sends a prepared push to one phone: the model's verdict first, then the exchanges with the attempts. */
    static ItemOutcome push(XsiPushPath path, XsiPushPath.Prepared p, ClaimedItem item, PhoneAddress address,
                            Credentials credentials, Attempts attempts, InstantSource clock, Timer latency) {
        XsiPush push;
        switch (path.verdict(p, address, item.model())) {
            case Preflight.Verdict.Skip skip -> {
                return ItemOutcome.notSent(skip.outcome().kind().name(), skip.outcome().detail(), clock.instant());
            }
            case Preflight.Verdict.Send send -> push = send.push();
        }
        boolean digest = XsiClient.digestModel(item.model()); // 7940/7960 challenge with Digest (the catalog's auth key)
        Attempts.Result<PushOutcome> r = attempts.run(timeout -> {
            long t0 = System.nanoTime();
            PushOutcome o = path.push(push, address, credentials, digest, timeout);
            latency.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            return o;
        }, PushOutcome::kind);
        return of(r, clock);
    }

    /** The client's outcome as an item's: kind, success, detail, and its extra members (items, stream id). */
    static ItemOutcome of(Attempts.Result<PushOutcome> r, InstantSource clock) {
        if (r.last() == null) {
            return ItemOutcome.deadlineExceeded(clock.instant());
        }
        PushOutcome o = r.last();
        ObjectNode data = null;
        switch (o) {
            case PushOutcome.Executed ex -> {
                data = Json.mapper().createObjectNode();
                ArrayNode items = data.putArray("items");
                for (ResponseItem i : ex.items()) {
                    items.addObject().put("url", i.url()).put("status", i.status()).put("data", i.data());
                }
            }
            case PushOutcome.MediaStarted m -> data = Json.mapper().createObjectNode().put("streamId", m.streamId());
            default -> {
            }
        }
        Boolean reachable = o instanceof PushOutcome.NotSent ? null : reachable(o.kind());
        return new ItemOutcome(o.kind().name(), o.succeeded(), o.detail(), data, r.attempts(), r.elapsedMillis(),
                r.startedAt(), clock.instant(), reachable, null);
    }

    /** What an exchange's outcome says about the device: it answered, or it could not be reached. */
    static boolean reachable(OutcomeKind kind) {
        return kind != OutcomeKind.REFUSED && kind != OutcomeKind.UNREACHABLE && kind != OutcomeKind.TIMED_OUT;
    }
}
