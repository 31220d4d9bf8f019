package io.phonectl.client.fleet;

import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.object.ResponseItem;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The definite outcome for one phone of a push (one phone or a fleet), with the attempts it took.
 *
 * @param elapsedMillis from this phone's turn (its pre-flight check) to its outcome
 * @param atMillis      from the start of the run to this outcome: the phone's place in the run's time to N
 */
public record PhoneResult(PhoneEntry phone, PushOutcome outcome, int attempts, long elapsedMillis, long atMillis) {

    /** A result of a push to one phone, whose run started with it. */
    public PhoneResult(PhoneEntry phone, PushOutcome outcome, int attempts, long elapsedMillis) {
        this(phone, outcome, attempts, elapsedMillis, elapsedMillis);
    }

    /**
     * The one JSON shape of a push outcome, for one phone as for each phone of a fleet report: name, address,
     * model, outcome (the kind), success, attempts, elapsedMillis, atMillis, detail; with the per-item {@code items} of a
     * CiscoIPPhoneResponse and the {@code streamId} of a started media stream. Never a credential.
     */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("name", phone.name());
        n.put("address", phone.address().toString());
        n.put("model", phone.model());
        n.put("outcome", outcome.kind().name());
        n.put("success", outcome.succeeded());
        n.put("attempts", attempts);
        n.put("elapsedMillis", elapsedMillis);
        n.put("atMillis", atMillis);
        n.put("detail", outcome.detail());
        switch (outcome) {
            case PushOutcome.Executed ex -> {
                ArrayNode items = n.putArray("items");
                for (ResponseItem i : ex.items()) {
                    items.addObject().put("url", i.url()).put("status", i.status()).put("data", i.data());
                }
            }
            case PushOutcome.MediaStarted m -> n.put("streamId", m.streamId());
            default -> {
            }
        }
        return n;
    }
}
