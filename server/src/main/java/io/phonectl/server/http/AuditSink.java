package io.phonectl.server.http;

/**
 * Where the router reports every state-changing call (package {@code audit} stores them). Called after the
 * answer is decided, whatever the outcome, on the request's thread.
 */
@FunctionalInterface
public interface AuditSink {

    /**
     * @param actor   the principal's name, or for an anonymous call the name it claimed (a login attempt) if any
     * @param route   the route's template ({@code /api/v1/devices/{id}}), not the raw path
     * @param target  the id of the resource acted on, if known
     * @param status  the HTTP status answered
     */
    void record(Principal who, String actor, String method, String route, String target, String address, int status);

    AuditSink NONE = (who, actor, method, route, target, address, status) -> { };
}
