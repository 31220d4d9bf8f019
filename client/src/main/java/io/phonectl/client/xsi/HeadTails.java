package io.phonectl.client.xsi;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.xsi.push.XsiPush;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The part of a push's request head that is the same for every phone (User-Agent, Authorization, Connection,
 * Content-Type, Content-Length), made once per push and credentials and shared read-only: a fleet push sends one push
 * with one set of credentials (or one per wire form) to thousands of phones. A few are kept; a miss makes one anew.
 * Thread-safe: a race makes a tail twice, never a wrong one.
 */
final class HeadTails {

    private static final int KEPT = 4;

    private record Tail(XsiPush push, Credentials credentials, byte[] bytes) {
    }

    /** Replaced, never changed in place, so a read needs no lock. */
    private volatile Tail[] kept = new Tail[0];

    ByteBuffer of(XsiPush push, Credentials credentials) {
        for (Tail t : kept) {
            if (t != null && t.push == push && t.credentials == credentials) {
                return ByteBuffer.wrap(t.bytes).asReadOnlyBuffer();
            }
        }
        Tail t = new Tail(push, credentials, XsiTransport.tail(credentials, push.contentType(), push.bodyLength())
                .getBytes(StandardCharsets.ISO_8859_1));
        synchronized (this) {
            Tail[] more = new Tail[Math.min(KEPT, kept.length + 1)];
            more[0] = t; // the newest first; the oldest falls off
            System.arraycopy(kept, 0, more, 1, more.length - 1);
            kept = more;
        }
        return ByteBuffer.wrap(t.bytes).asReadOnlyBuffer();
    }
}
