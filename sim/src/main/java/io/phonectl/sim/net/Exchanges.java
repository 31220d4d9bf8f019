package io.phonectl.sim.net;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;

/** The two places a {@link Reply} meets Jetty: reading a capped request body and writing the answer. */
public final class Exchanges {

    private Exchanges() {
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
