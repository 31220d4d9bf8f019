package io.phonectl.sim.host;

import io.phonectl.sim.auth.Authenticator;
import io.phonectl.sim.inspect.InspectionApi;
import io.phonectl.sim.pages.DevicePages;
import io.phonectl.sim.phone.SimPhone;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * The one handler for every phone and the inspection API. Finds the phone from the connection's local
 * address, then routes by path. Blocking (runs on virtual threads): Execute may hold the response for a
 * Play clip's length, as real phones do.
 */
public final class PhoneHandler extends Handler.Abstract {

    private final Map<SocketAddress, SimPhone> phones;
    private final Authenticator auth;
    private final DevicePages pages;
    private final PhoneRoutes routes;
    private volatile Connector inspectConnector;
    private volatile InspectionApi inspection;

    public PhoneHandler(Map<SocketAddress, SimPhone> phones, Authenticator auth, DevicePages pages, PhoneRoutes routes) {
        super(InvocationType.BLOCKING);
        this.phones = phones;
        this.auth = auth;
        this.pages = pages;
        this.routes = routes;
    }

    public void inspection(Connector connector, InspectionApi api) {
        this.inspectConnector = connector;
        this.inspection = api;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Reply reply;
        if (inspectConnector != null && request.getConnectionMetaData().getConnector() == inspectConnector) {
            reply = InspectionHandler.reply(inspection, request);
        } else {
            SimPhone phone = phones.get(request.getConnectionMetaData().getLocalSocketAddress());
            reply = phone == null ? Reply.notFound() : route(phone, request);
        }
        write(response, reply, callback);
        return true;
    }

    private Reply route(SimPhone phone, Request request) throws Exception {
        phone.device().countExchange();
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (path.equals("/CGI/Execute")) {
            if (!method.equals("POST")) {
                return Reply.empty(405);
            }
            // client quirks real phones punish (reference notes §2.1): a chunked body is answered 404,
            // Expect: 100-continue gets Error 6 instead of the continue
            if (request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING, "chunked")) {
                return Reply.notFound();
            }
            if (request.getHeaders().contains(HttpHeader.EXPECT, "100-continue")) {
                return Reply.xml(200, Reply.ERROR_6);
            }
            Optional<Reply> refused = Gate.check(auth, authorization, phone.name(), phone.model());
            if (refused.isPresent()) {
                return refused.get();
            }
            byte[] body = read(request, PhoneRoutes.MAX_BODY);
            if (body == null) {
                return Reply.empty(413);
            }
            return routes.execute(phone, request.getHeaders().get(HttpHeader.CONTENT_TYPE), body);
        }
        if (path.equalsIgnoreCase("/CGI/Screenshot")) {
            Optional<Reply> refused = Gate.check(auth, authorization, phone.name(), phone.model());
            if (refused.isPresent()) {
                return refused.get();
            }
            return Screenshots.of(phone);
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Reply.empty(405);
        }
        return pages.page(phone, path, request.getHttpURI().getQuery()).orElseGet(Reply::notFound);
    }

    /** The whole body, or null when it exceeds {@code max} bytes. */
    public static byte[] read(Request request, int max) throws InterruptedException {
        long declared = request.getLength();
        if (declared > max) {
            return null;
        }
        try {
            return Content.Source.asByteArrayAsync(request, max).get();
        } catch (ExecutionException e) {
            return null;
        }
    }

    public static void write(Response response, Reply reply, Callback callback) {
        response.setStatus(reply.status());
        if (reply.contentType() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
        reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
