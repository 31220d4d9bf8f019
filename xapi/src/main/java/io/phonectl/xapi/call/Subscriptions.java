package io.phonectl.xapi.call;

import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.RpcError;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import io.phonectl.xapi.rpc.RpcMessage;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Trees;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The feedback registrations of one session (subscriptions are per connection): integer Ids from 1, a cap
 * (-31998 beyond it; the API guide quotes "up to 50"), -32602 "Unknown subscription Id" with {@code data.Id} for an
 * unknown Id, and fan-out of a sparse change to one {@code xFeedback/Event} per matching subscription. Not
 * thread-safe: the owner serialises access (one session, one event loop).
 */
public final class Subscriptions {

    public static final int DEFAULT_LIMIT = 50;

    private final int limit;
    private final Map<Long, XPath> byId = new LinkedHashMap<>();
    private long nextId = 1;

    public Subscriptions(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        this.limit = limit;
    }

    public Subscriptions() {
        this(DEFAULT_LIMIT);
    }

    /** Registers a query; answers its Id. */
    public long subscribe(XPath query) {
        if (byId.size() >= limit) {
            throw XapiRpcException.of(new RpcError(ErrorCode.SUBSCRIBER_COUNT_EXCEEDED.code(),
                    ErrorCode.SUBSCRIBER_COUNT_EXCEEDED.message(), RpcCodec.nodes().objectNode().put("Limit", limit)));
        }
        long id = nextId++;
        byId.put(id, query);
        return id;
    }

    public void unsubscribe(long id) {
        if (byId.remove(id) == null) {
            throw XapiRpcException.of(new RpcError(ErrorCode.INVALID_PARAMS.code(), "Unknown subscription Id",
                    RpcCodec.nodes().objectNode().set("Id", RpcCodec.number(id))));
        }
    }

    /** Terminal deregistration by path (ignoring case); answers how many registrations were removed. */
    public int deregister(XPath query) {
        List<Long> ids = byId.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(query))
                .map(Map.Entry::getKey).toList();
        ids.forEach(byId::remove);
        return ids.size();
    }

    public Optional<XPath> query(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    /** Every registration by Id, in registration order (a copy: the simulator's inspection API shows it). */
    public Map<Long, XPath> registered() {
        return new LinkedHashMap<>(byId);
    }

    /**
     * The {@code NotifyCurrentValue} answer: one notification with the current values the subscription's query
     * selects in the device tree, or empty when nothing matches yet.
     */
    public Optional<RpcMessage.Notification> currentValue(long id, Branch device) {
        XPath query = query(id).orElseThrow(() -> XapiRpcException.of(new RpcError(ErrorCode.INVALID_PARAMS.code(),
                "Unknown subscription Id", RpcCodec.nodes().objectNode().set("Id", RpcCodec.number(id)))));
        return Trees.query(device, query).map(part -> XapiCalls.feedbackEvent(id, part));
    }

    /** One notification per subscription whose query selects part of the sparse change, in Id order. */
    public List<RpcMessage.Notification> notifications(Branch feedback) {
        List<RpcMessage.Notification> out = new ArrayList<>();
        byId.forEach((id, query) -> Trees.select(feedback, query)
                .ifPresent(part -> out.add(XapiCalls.feedbackEvent(id, part))));
        return out;
    }
}
