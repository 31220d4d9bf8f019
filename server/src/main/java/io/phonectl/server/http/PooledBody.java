package io.phonectl.server.http;

import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;

import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * A reply's body written into a buffer of Jetty's pool, then handed to the response as it is: the JSON of a page of
 * devices (~34 KB) was written into a byte array grown and copied, then copied once more for the response, ~14 % of
 * the bytes the request allocated. The buffer doubles from {@value #FIRST} bytes when full (copied from one pooled
 * buffer to the next) and goes back to the pool when the response has been written ({@link #release}).
 */
final class PooledBody extends OutputStream {

    static final int FIRST = 16 * 1024;
    /**
     * Jetty's default pool keeps buffers up to 64 KiB; a larger one is allocated for the call, and a direct one is
     * then costly to allocate and freed only by a GC: larger bodies go to heap buffers, as byte arrays did before.
     */
    static final int DIRECT_MAX = 64 * 1024;

    private final ByteBufferPool pool;
    private RetainableByteBuffer buffer;
    /** The buffer's ByteBuffer, in fill mode (position = bytes written) until {@link #flip}. */
    private ByteBuffer bytes;

    PooledBody(ByteBufferPool pool) {
        this.pool = pool;
        this.buffer = pool.acquire(FIRST, true);
        this.bytes = buffer.getByteBuffer();
        bytes.clear();
    }

    @Override
    public void write(int b) {
        room(1);
        bytes.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        room(len);
        bytes.put(b, off, len);
    }

    /** The bytes written, ready to be read; nothing is written after. */
    ByteBuffer flip() {
        return bytes.flip();
    }

    /** Gives the buffer back to the pool (once the response no longer reads it, or when the body failed). */
    void release() {
        buffer.release();
    }

    private void room(int len) {
        if (bytes.remaining() >= len) {
            return;
        }
        int needed = bytes.position() + len;
        if (needed < 0) {
            throw new IllegalStateException("a reply body over 2 GiB");
        }
        int capacity = bytes.capacity();
        while (capacity < needed) {
            capacity = capacity > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : capacity * 2;
        }
        RetainableByteBuffer bigger = pool.acquire(capacity, capacity <= DIRECT_MAX);
        ByteBuffer next = bigger.getByteBuffer();
        next.clear();
        next.put(bytes.flip());
        buffer.release();
        buffer = bigger;
        bytes = next;
    }
}
