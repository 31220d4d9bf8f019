package io.phonectl.sim.cucm;

import io.phonectl.cucm.axl.AxlRequests;
import io.phonectl.cucm.ris.RisCodec;
import io.phonectl.sim.auth.Authenticator;
import io.phonectl.sim.net.Exchanges;
import io.phonectl.sim.net.Reply;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cluster's web server: {@code POST /axl/} (the trailing slash is required, as on CUCM) and
 * {@code POST /realtimeservice2/services/RISService70}, behind Basic authentication with the users' roles.
 */
final class CucmHandler extends Handler.Abstract {

    private final List<CucmUser> users;
    private final AxlEndpoint axl;
    private final RisEndpoint ris;
    final AtomicLong axlRequests = new AtomicLong();
    final AtomicLong risRequests = new AtomicLong();
    /** While set, RisPort requests wait for it (a slow RisPort a test can rely on); at most {@link #HOLD_MAX}. */
    private volatile CountDownLatch hold;
    final AtomicInteger risHeld = new AtomicInteger();
    static final Duration HOLD_MAX = Duration.ofMinutes(2);

    CucmHandler(List<CucmUser> users, AxlEndpoint axl, RisEndpoint ris) {
        super(InvocationType.BLOCKING);
        this.users = users;
        this.axl = axl;
        this.ris = ris;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Exchanges.write(response, reply(request), callback);
        return true;
    }

    private Reply reply(Request request) throws InterruptedException {
        String path = Request.getPathInContext(request);
        boolean isAxl = path.equals("/axl/");
        boolean isRis = path.equals(RisCodec.PATH);
        if (!isAxl && !isRis) {
            return html(404, "Not Found", "The requested resource [" + io.phonectl.cucm.xml.XmlWriter.escape(path)
                    + "] is not available");
        }
        if (!request.getMethod().equals("POST")) {
            return html(405, "Method Not Allowed", "Use POST with a SOAP envelope");
        }
        CucmUser user = authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (user == null) {
            Reply r = html(401, "Unauthorized", "This request requires HTTP authentication.");
            return new Reply(401, r.contentType(), Map.of("WWW-Authenticate", "Basic realm=\"Cisco Web Services Realm\""),
                    r.body());
        }
        if (isAxl ? !user.axl() : !user.ris()) {
            return html(403, "Forbidden", "Access to the requested resource has been denied");
        }
        byte[] body = Exchanges.read(request, isAxl ? AxlRequests.MAX_REQUEST_BYTES : RisCodec.MAX_REQUEST_BYTES);
        if (body == null) {
            return html(413, "Payload Too Large", "The request body is larger than this service accepts");
        }
        if (isAxl) {
            axlRequests.incrementAndGet();
            return axl.handle(request.getHeaders().get("SOAPAction"), body);
        }
        risRequests.incrementAndGet();
        CountDownLatch h = hold;
        if (h != null) {
            risHeld.incrementAndGet();
            try {
                h.await(HOLD_MAX.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                risHeld.decrementAndGet();
            }
        }
        return ris.handle(body);
    }

    /** Holds RisPort requests from now on ({@code true}) or lets those held, and later ones, through. */
    void hold(boolean on) {
        synchronized (this) {
            CountDownLatch h = hold;
            if (on && h == null) {
                hold = new CountDownLatch(1);
            } else if (!on && h != null) {
                hold = null;
                h.countDown();
            }
        }
    }

    /** The matching user, comparing every user without early exit. */
    private CucmUser authenticate(String header) {
        Authenticator.Credentials c = Authenticator.Credentials.parse(header);
        if (c == null) {
            return null;
        }
        CucmUser found = null;
        for (CucmUser u : users) {
            boolean match = MessageDigest.isEqual(u.name().getBytes(StandardCharsets.UTF_8),
                    c.user().getBytes(StandardCharsets.UTF_8))
                    & MessageDigest.isEqual(u.password().getBytes(StandardCharsets.UTF_8),
                    c.password().getBytes(StandardCharsets.UTF_8));
            if (match && found == null) {
                found = u;
            }
        }
        return found;
    }

    /** Tomcat's style of error page. */
    private static Reply html(int status, String title, String message) {
        return Reply.html(status, "<html><head><title>HTTP Status " + status + " - " + title + "</title></head><body>"
                + "<h1>HTTP Status " + status + " - " + title + "</h1><p>" + message + "</p></body></html>");
    }
}
