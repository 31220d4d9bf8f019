package io.phonectl.sim.net;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The two places a {@link Reply} meets Jetty: reading a capped request body and writing the answer. */
public final class Exchanges {

    private Exchanges() {
    }

    /**
     * The whole body, or null when it exceeds {@code max} bytes or cannot be read. Blocks (the handler's thread is a
     * virtual one). Read chunk by chunk into one array: a push's body usually arrives with its head, in one last
     * chunk, which is copied out at once (Jetty's aggregating reader took a buffer from the pool and a future for it).
     */
    public static byte[] read(Request request, int max) throws InterruptedException {
        long declared = request.getLength();
        if (declared > max) {
            return null;
        }
        byte[] body = new byte[declared >= 0 ? (int) declared : 0];
        int length = 0;
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                CompletableFuture<Void> more = new CompletableFuture<>();
                request.demand(() -> more.complete(null));
                try {
                    more.get();
                } catch (ExecutionException e) {
                    return null;
                }
                continue;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    return null;
                }
                ByteBuffer b = chunk.getByteBuffer();
                int n = b.remaining();
                if (length + n > max) {
                    return null;
                }
                if (length + n > body.length) {
                    body = Arrays.copyOf(body, Math.min(max, Math.max(length + n, body.length * 2)));
                }
                b.get(body, length, n);
                length += n;
                if (chunk.isLast()) {
                    return length == body.length ? body : Arrays.copyOf(body, length);
                }
            } finally {
                chunk.release();
            }
        }
    }

    /** Header fields every answer (or most) carries, encoded once instead of for each answer. */
    private static final HttpField NO_CACHE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-cache");
    private static final HttpField XML = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Reply.XML);
    private static final HttpField HTML = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Reply.HTML);

    public static void write(Response response, Reply reply, Callback callback) {
        response.setStatus(reply.status());
        String type = reply.contentType();
        if (type != null) {
            response.getHeaders().put(type.equals(Reply.XML) ? XML : type.equals(Reply.HTML) ? HTML
                    : new HttpField(HttpHeader.CONTENT_TYPE, type));
        }
        reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.getHeaders().put(NO_CACHE);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
