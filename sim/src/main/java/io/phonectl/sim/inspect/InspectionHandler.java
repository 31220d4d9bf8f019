package io.phonectl.sim.inspect;

import io.phonectl.sim.net.Exchanges;
import io.phonectl.sim.net.Reply;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the inspection API alone, for a process with xAPI devices and no phones; with phones, the host's
 * {@code PhoneHandler} routes the inspection connector here through {@link #reply}. Either way one body limit, one writer.
 */
public final class InspectionHandler extends Handler.Abstract {
    private final InspectionApi api;

    public InspectionHandler(InspectionApi api) {
        super(InvocationType.BLOCKING);
        this.api = api;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Exchanges.write(response, reply(api, request), callback);
        return true;
    }

    public static Reply reply(InspectionApi api, Request request) throws InterruptedException {
        byte[] body = Exchanges.read(request, InspectionApi.MAX_BODY);
        return body == null ? Reply.empty(413) : api.handle(request.getMethod(), Request.getPathInContext(request),
                request.getHttpURI().getQuery(), body);
    }
}
