package io.phonectl.client.xapi;

import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.tree.Branch;
import tools.jackson.databind.JsonNode;

/**
 * One feedback notification for one subscription: the sparse tree rooted at the document ({@code Status},
 * {@code Configuration} or {@code Event}); vanished instances are ghosts (merge with
 * {@link io.phonectl.xapi.tree.Trees#merge} to keep a cache right).
 *
 * @param subscription the subscription it was routed to (by the device's Id, never by path)
 * @param payload      the sparse tree
 * @param current      true for the NotifyCurrentValue snapshot sent right after (re)subscribing
 */
public record XapiFeedback(XapiSubscription subscription, Branch payload, boolean current) {
    public XPath query() { return subscription.query(); }

    /** The payload in WebSocket JSON, e.g. {@code {"Status":{"Audio":{"Volume":42}}}}. */
    public JsonNode json() { return WsJsonTree.toJson(payload); }
}
