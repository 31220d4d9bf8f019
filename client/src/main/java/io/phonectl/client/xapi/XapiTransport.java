package io.phonectl.client.xapi;

import io.phonectl.xapi.path.XPath;
import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * What both xAPI transports do, so that a caller need not know which one it holds: the WebSocket
 * ({@link XapiClient}, RoomOS, JSON-RPC) and HTTP getxml/putxml ({@link XapiHttpClient}, PhoneOS and RoomOS). Answers
 * have the WebSocket-JSON shape in both. Device errors are {@link io.phonectl.xapi.XapiRpcException}s; a
 * connection that fails, times out or answers what cannot be read is an {@link XapiClientException}. Queries with
 * {@code **} and feedback subscriptions are the WebSocket's alone ({@link XapiClient#query}, {@link XapiClient#subscribe}).
 */
public interface XapiTransport extends AutoCloseable {

    /** xGet: the value at an exact path, relative to it ({@code Status Audio Volume} gives {@code 50}). */
    JsonNode get(XPath path);

    /** xSet of one configuration leaf; value is an Integer/Long, String or Boolean. */
    void set(XPath configuration, Object value);

    /**
     * xCommand: params map values are Integer/Long, String, Boolean or a List of those (multi-valued, e.g.
     * ConnectorId [2,3]); body is the multi-line payload or null. Returns the command's result.
     */
    JsonNode command(XPath command, Map<String, ?> params, String body);

    /** Closes the connection and its client; never throws. */
    @Override
    void close();
}
