package io.phonectl.server.job;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.xsi.Answer;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.QueryResult;
import io.phonectl.client.xsi.Screenshot;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.server.http.Json;
import tools.jackson.databind.node.ObjectNode;

import java.time.InstantSource;
import java.util.Locale;

/**
 * Collects from one phone what a query action GETs (a screenshot, a device-information page) and keeps the answer
 * as the item's result, up to a size cap. A screenshot must be a PNG or BMP; a page any 200 answer.
 */
final class CollectSender implements ItemDispatch.ItemSender {

    private final XsiTransport transport;
    private final JobAction.Collect action;
    private final int maxBytes;
    private final InstantSource clock;

    CollectSender(XsiTransport transport, JobAction.Collect action, int maxBytes, InstantSource clock) {
        this.transport = transport;
        this.action = action;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    @Override
    public boolean needsCredentials() {
        return action.screenshot();
    }

    @Override
    public ItemOutcome send(ClaimedItem item, PhoneAddress address, Credentials credentials, Attempts attempts) {
        XsiClient client = XsiClient.of(transport, address, credentials, XsiClient.digestModel(item.model()));
        Attempts.Result<QueryResult<ItemOutcome.Result>> r = attempts.run(timeout -> action.screenshot()
                        ? client.screenshot(action.path()).map(CollectSender::image)
                        : client.rawPage(action.path()).map(CollectSender::page),
                q -> q instanceof QueryResult.Failed<?> f ? f.outcome().kind() : OutcomeKind.EXECUTED);
        if (r.last() instanceof QueryResult.Ok<ItemOutcome.Result> ok) {
            ItemOutcome.Result kept = ok.value();
            ObjectNode data = Json.mapper().createObjectNode();
            data.put("contentType", kept.contentType()).put("bytes", kept.bytes().length);
            if (kept.bytes().length > maxBytes) {
                return new ItemOutcome(Outcomes.TOO_LARGE, false, action.path() + " answered " + kept.bytes().length
                        + " bytes, more than the " + maxBytes + " kept per item (maxResultBytes)", data, r.attempts(),
                        r.elapsedMillis(), r.startedAt(), clock.instant(), true, null);
            }
            String what = action.screenshot() ? "screenshot " : action.path() + " ";
            return new ItemOutcome(Outcomes.COLLECTED, true, what + kept.bytes().length + " bytes (" + kept.contentType()
                    + ")", data, r.attempts(), r.elapsedMillis(), r.startedAt(), clock.instant(), true, kept);
        }
        PushOutcome failed = r.last() instanceof QueryResult.Failed<ItemOutcome.Result> f ? f.outcome() : null;
        return PushSender.of(new Attempts.Result<>(failed, r.attempts(), r.startedAt(), r.elapsedMillis()), clock);
    }

    private static ItemOutcome.Result image(Screenshot s) {
        return new ItemOutcome.Result("image/" + s.format().extension(), s.bytes());
    }

    private static ItemOutcome.Result page(Answer a) {
        String ct = a.contentType() == null ? "application/octet-stream" : a.contentType().toLowerCase(Locale.ROOT);
        return new ItemOutcome.Result(ct, a.body());
    }
}
