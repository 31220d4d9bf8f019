package io.phonectl.server.http;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read up to a cap. A body over the cap is refused, but its bytes are first read on and dropped, up to
 * {@link #DRAIN_LIMIT} in all: a server that answers and closes while bytes of the request are still unread makes its
 * kernel reset the connection, and the reset can reach the client before the answer, which the client then never
 * reads (it saw "no bytes" where the 413 was; AuthRelayTest failed so in a full build). A body read to its end also
 * leaves the connection usable. One past {@link #DRAIN_LIMIT} is not read: its connection is closed after the answer.
 */
public final class CappedBody {

    /** How much of a refused body is read and dropped so that its refusal arrives (64 KiB). */
    public static final int DRAIN_LIMIT = 64 * 1024;

    /**
     * What was read.
     *
     * @param bytes    the body, or null when it is longer than the cap
     * @param declared its declared length ({@code Content-Length}), or -1 when it had none (chunked)
     * @param ended    whether the body was read to its end (a refused one too, when it was short enough): the
     *                 connection can carry another request
     */
    public record Read(byte[] bytes, long declared, boolean ended) {

        public boolean tooLarge() {
            return bytes == null;
        }
    }

    private CappedBody() {
    }

    /** Reads the body of {@code request} if it is at most {@code cap} bytes (see the class comment for the rest). */
    public static Read read(Request request, long cap) throws IOException {
        long declared = request.getLength();
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (declared > cap) {
                return new Read(null, declared, declared <= DRAIN_LIMIT && drop(in, declared) == declared);
            }
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (b.length <= cap) {
                return new Read(b, declared, true);
            }
            // no length given and past the cap: read on to its end if that comes within the limit
            long room = DRAIN_LIMIT - b.length;
            return new Read(null, declared, room >= 0 && drop(in, room + 1) <= room);
        }
    }

    /** Reads and drops at most {@code max} bytes; returns how many came before the end or the limit. */
    private static long drop(InputStream in, long max) throws IOException {
        byte[] buffer = new byte[8192];
        long n = 0;
        while (n < max) {
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, max - n));
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }
}
