package io.phonectl.media.rtp;

import io.phonectl.media.g711.G711;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Frames pushed by a producer while the stream runs. When the producer is behind, the tick sends silence so the
 * receiver's clock keeps running (RTP timestamps advance by 160 regardless); after {@link #close()} the queued
 * frames are drained and the stream completes.
 */
public final class LiveFrameSource implements FrameSource {
    private final BlockingQueue<byte[]> frames;
    private final byte silence;
    private volatile boolean closed;

    public LiveFrameSource(G711 codec, int capacityFrames) {
        this.frames = new ArrayBlockingQueue<>(capacityFrames);
        this.silence = codec.silence();
    }

    /** @return false when the queue is full (the producer is more than {@code capacityFrames} ahead) or closed */
    public boolean offer(byte[] frame) {
        if (frame.length != G711.SAMPLES_PER_FRAME) {
            throw new IllegalArgumentException("a frame is " + G711.SAMPLES_PER_FRAME + " bytes, not " + frame.length);
        }
        return !closed && frames.offer(frame.clone());
    }

    public void close() {
        closed = true;
    }

    @Override
    public boolean fill(byte[] frame) {
        byte[] next = frames.poll();
        if (next != null) {
            System.arraycopy(next, 0, frame, 0, frame.length);
            return true;
        }
        if (closed) {
            return false;
        }
        Arrays.fill(frame, silence);
        return true;
    }
}
