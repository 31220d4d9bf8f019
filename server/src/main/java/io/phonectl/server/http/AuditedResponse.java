package io.phonectl.server.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The response of a state-changing call, which writes the call's audit entry once, just before the first byte of
 * the answer is written: a client that has its answer finds the entry in the audit log. (Written after the answer,
 * the entry of one call could come after those of the caller's next calls.) A call whose answer writes nothing is
 * recorded by {@link #record} when its handling ends.
 */
final class AuditedResponse extends Response.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(AuditedResponse.class);

    private final AuditSink audit;
    private final String method;
    private final String route;
    private final AtomicBoolean recorded = new AtomicBoolean();
    /** The call's exchange once the caller is known (null: refused before that, recorded as anonymous). */
    private volatile Exchange exchange;

    AuditedResponse(Request request, Response response, AuditSink audit, String route) {
        super(request, response);
        this.audit = audit;
        this.method = request.getMethod();
        this.route = route;
    }

    void exchange(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
        record(getStatus());
        super.write(last, content, callback);
    }

    /** Writes the entry with this status unless it was written already; a failure is logged, never thrown. */
    void record(int status) {
        if (!recorded.compareAndSet(false, true)) {
            return;
        }
        Exchange e = exchange;
        Principal who = e == null ? Principal.ANONYMOUS : e.principal();
        String actor = e == null ? who.name() : e.actor();
        try {
            audit.record(who, actor, method, route, e == null ? null : e.target(), Request.getRemoteAddr(getRequest()),
                    status);
        } catch (RuntimeException x) {
            LOG.error("audit record of {} {} failed", method, route, x);
        }
    }
}
