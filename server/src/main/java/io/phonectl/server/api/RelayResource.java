package io.phonectl.server.api;

import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Route;
import io.phonectl.server.relay.AuthRelay;
import io.phonectl.server.relay.AuthRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.util.List;

/**
 * The authentication relay's path in the router, so the API document describes it. Phones' questions are answered
 * by {@link io.phonectl.server.relay.RelayHandler} in front of the router (no audit row per question); these routes
 * answer the same way should a request ever reach the router.
 */
public final class RelayResource {

    private RelayResource() {
    }

    public static List<Route> routes(AuthRelay relay) {
        String path = relay.config().path();
        String doc = "The Authentication URL for phones: UserID, Password, devicename (query or form); answers exactly "
                + "AUTHORIZED for this service's one-time credentials of a running job and that device, relays every "
                + "other question unchanged to the upstream (--auth-upstream), text/plain";
        return List.of(
                Route.get(path).open().doc("relay", doc)
                        .query("UserID", "string", "the user name the phone was pushed with")
                        .query("Password", "string", "its password (never logged)")
                        .query("devicename", "string", "the phone's device name, e.g. SEP001122334455")
                        .responseType("text/plain").handler(ex -> answer(relay, ex.request(), new byte[0])),
                Route.post(path).open().doc("relay", doc + " (form body, as older firmware sends)")
                        .request(String.class, "application/x-www-form-urlencoded").responseType("text/plain")
                        .handler(ex -> answer(relay, ex.request(), ex.body())));
    }

    private static Reply answer(AuthRelay relay, Request r, byte[] body) throws InterruptedException {
        AuthRelay.Answer a = relay.answer(AuthRequest.of(r.getMethod(), r.getHttpURI().getQuery(), body,
                r.getHeaders().get(HttpHeader.CONTENT_TYPE), r.getHeaders().get(HttpHeader.USER_AGENT),
                Request.getRemoteAddr(r)));
        return Reply.raw(a.status(), a.contentType(), a.body());
    }
}
