package io.phonectl.sim.host;

import io.phonectl.sim.auth.Authenticator;
import io.phonectl.sim.auth.DigestAuth;
import io.phonectl.sim.inspect.InspectionApi;
import io.phonectl.sim.inspect.InspectionHandler;
import io.phonectl.sim.net.Exchanges;
import io.phonectl.sim.net.Reply;
import io.phonectl.sim.pages.DevicePages;
import io.phonectl.sim.pages.InfoPagesService;
import io.phonectl.sim.phone.PhoneFeature;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.sim.screen.Screenshots;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.net.SocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one handler for every phone and the inspection API. Finds the phone from the connection's local
 * address, then routes by path. Blocking (runs on virtual threads): Execute may hold the response for a
 * Play clip's length, as real phones do.
 */
public final class PhoneHandler extends Handler.Abstract {

    private final Map<SocketAddress, SimPhone> phones;
    private final Authenticator auth;
    private final DigestAuth digest;
    private final DevicePages pages;
    private final PhoneFeature features;
    private volatile Connector inspectConnector;
    private volatile InspectionApi inspection;
    private volatile Impairments impairments = Impairments.NONE;

    public PhoneHandler(Map<SocketAddress, SimPhone> phones, Authenticator auth, DigestAuth digest, DevicePages pages,
                        PhoneFeature features) {
        super(InvocationType.BLOCKING);
        this.phones = phones;
        this.auth = auth;
        this.digest = digest;
        this.pages = pages;
        this.features = features;
    }

    /** Phones that answer late: their answers wait on the server's scheduler (no thread waits). */
    public void impairments(Impairments i) {
        this.impairments = java.util.Objects.requireNonNull(i, "impairments");
    }

    public void inspection(Connector connector, InspectionApi api) {
        this.inspectConnector = connector;
        this.inspection = api;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Reply reply;
        long delay = 0;
        if (inspectConnector != null && request.getConnectionMetaData().getConnector() == inspectConnector) {
            reply = InspectionHandler.reply(inspection, request);
        } else {
            SimPhone phone = phones.get(request.getConnectionMetaData().getLocalSocketAddress());
            reply = phone == null ? Reply.notFound() : route(phone, request);
            delay = phone == null ? 0 : impairments.delay(phone.index()).toMillis();
        }
        if (delay > 0) {
            Reply late = reply;
            getServer().getScheduler().schedule(() -> Exchanges.write(response, late, callback), delay,
                    TimeUnit.MILLISECONDS);
        } else {
            Exchanges.write(response, reply, callback);
        }
        return true;
    }

    private Reply route(SimPhone phone, Request request) throws Exception {
        phone.device().countExchange();
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String target = request.getHttpURI().getPathQuery();
        if (path.equals("/CGI/Execute")) {
            if (!method.equals("POST")) {
                return Reply.empty(405);
            }
            // client quirks real phones punish (reference notes §2.1): a chunked body is answered 404,
            // Expect: 100-continue gets Error 6 instead of the continue
            if (request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING, "chunked")) {
                // read (capped) before answering: a body left unsent when Jetty closes the connection resets it,
                // and the client sees no answer at all instead of the 404
                Exchanges.read(request, PhoneFeature.MAX_BODY);
                return Reply.notFound();
            }
            if (request.getHeaders().contains(HttpHeader.EXPECT, "100-continue")) {
                return Reply.xml(200, Reply.ERROR_6);
            }
            Optional<Reply> refused = Gate.check(auth, digest, authorization, method, target, phone.name(), phone.model());
            if (refused.isPresent()) {
                return refused.get();
            }
            byte[] body = Exchanges.read(request, PhoneFeature.MAX_BODY);
            if (body == null) {
                return Reply.empty(413);
            }
            Reply answer = features.execute(phone, request.getHeaders().get(HttpHeader.CONTENT_TYPE), body);
            return answer != null ? answer : Reply.notFound();
        }
        if (path.equalsIgnoreCase("/CGI/Screenshot")) {
            Optional<Reply> refused = Gate.check(auth, digest, authorization, method, target, phone.name(), phone.model());
            if (refused.isPresent()) {
                return refused.get();
            }
            return Screenshots.of(phone);
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Reply.empty(405);
        }
        if (InfoPagesService.serves(phone, path)) {
            // "the phone must be associated with a user" (8800/7832 admin guides): the Execute credentials
            Optional<Reply> refused = Gate.check(auth, digest, authorization, method, target, phone.name(), phone.model());
            return refused.orElseGet(() -> InfoPagesService.page(phone, path));
        }
        return pages.page(phone, path, request.getHttpURI().getQuery()).orElseGet(Reply::notFound);
    }
}
