package io.phonectl.server.relay;

import io.phonectl.server.http.CappedBody;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * The relay's path on the service's HTTP port, in front of the API's router: phones ask without the API's
 * authentication (they send what they were given), so the router's login, CSRF and audit do not apply; the relay
 * logs and counts instead. Every other path goes to the wrapped handler.
 */
public final class RelayHandler extends Handler.Wrapper {

    private final AuthRelay relay;

    public RelayHandler(AuthRelay relay, Handler next) {
        super(next);
        this.relay = relay;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!Request.getPathInContext(request).equals(relay.config().path())) {
            return super.handle(request, response, callback);
        }
        String method = request.getMethod();
        // read first, whatever the answer: a body left unread could make the connection's close beat the answer
        CappedBody.Read read = CappedBody.read(request, RelayConfig.MAX_BODY_BYTES);
        if (!read.ended()) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        AuthRelay.Answer a;
        if (!method.equals("GET") && !method.equals("POST")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
            a = AuthRelay.Answer.text(405, AuthRelay.ERROR);
        } else if (method.equals("POST") && read.tooLarge()) {
            a = AuthRelay.Answer.text(413, AuthRelay.ERROR);
        } else {
            a = relay.answer(AuthRequest.of(method, request.getHttpURI().getQuery(),
                    method.equals("POST") ? read.bytes() : new byte[0], request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                    request.getHeaders().get(HttpHeader.USER_AGENT), Request.getRemoteAddr(request)));
        }
        response.setStatus(a.status());
        if (a.contentType() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) a.body().length);
        response.write(true, ByteBuffer.wrap(a.body()), callback);
        return true;
    }
}
