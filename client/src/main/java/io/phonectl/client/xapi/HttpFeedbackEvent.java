package io.phonectl.client.xapi;

import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.tree.Branch;
import tools.jackson.databind.JsonNode;

/**
 * One HttpFeedback POST from a device, typed: which registration it came to, the format, the device's
 * {@code Identification} block, and the sparse payload rooted at its document ({@code Status}, {@code Configuration}
 * or {@code Event}), in the protocol core's tree.
 *
 * @param key            the path key the receiver gave this registration (see {@link HttpFeedbackReceiver#url})
 * @param format         XML or JSON, as posted
 * @param identification SystemName, ProductID, SWVersion… as the device sent them (empty object if absent)
 * @param payload        e.g. {@code {"Event":{"SipCallSuccessful":{…}}}}
 */
public record HttpFeedbackEvent(String key, Format format, JsonNode identification, Branch payload) {
    public enum Format { XML, JSON }

    public JsonNode json() { return WsJsonTree.toJson(payload); }

    /** The document the post is about: Status, Configuration or Event. */
    public String document() { return payload.children().keySet().iterator().next(); }
}
