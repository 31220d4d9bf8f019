package io.phonectl.server.http;

/**
 * One route's handler: translates the request into a service call and the result into a {@link Reply}.
 * Runs on a virtual thread and may block (database, devices). Throws {@link ApiException} for answers that are
 * errors; anything else is a 500 with an opaque reference logged on the server.
 */
@FunctionalInterface
public interface Endpoint {
    Reply handle(Exchange exchange) throws Exception;
}
