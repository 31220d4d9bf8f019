package io.phonectl.media.rtp;

import io.phonectl.media.g711.G711;

/**
 * Supplies one 20 ms frame of encoded audio per tick. Called only from the sender's tick thread, so it must not
 * block. Standard variants: {@link #repeat} for files, {@link LiveFrameSource} for audio produced while sending.
 */
public interface FrameSource {

    /**
     * Fills {@code frame} (160 bytes) with the next frame.
     *
     * @return false when the source is exhausted: nothing is sent and the stream completes
     */
    boolean fill(byte[] frame);

    /** Plays {@code audio} (already encoded) {@code times} times back to back; the last frame is padded with silence. */
    static FrameSource repeat(byte[] audio, int times, G711 codec) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        return new Looping(audio.clone(), (long) audio.length * times, codec.silence());
    }

    /** Plays {@code audio} in a loop until the stream is stopped. */
    static FrameSource forever(byte[] audio, G711 codec) {
        if (audio.length == 0) {
            throw new IllegalArgumentException("cannot loop empty audio forever");
        }
        return new Looping(audio.clone(), Long.MAX_VALUE, codec.silence());
    }

    /** Counts bytes consumed across loops so a frame may straddle the end of one pass and the start of the next. */
    final class Looping implements FrameSource {
        private final byte[] audio;
        private final long total;
        private final byte silence;
        private long position;

        Looping(byte[] audio, long total, byte silence) {
            this.audio = audio;
            this.total = total;
            this.silence = silence;
        }

        @Override
        public boolean fill(byte[] frame) {
            if (position >= total || audio.length == 0) {
                return false;
            }
            int i = 0;
            while (i < frame.length && position < total) {
                int offset = (int) (position % audio.length);
                int n = (int) Math.min(Math.min(frame.length - i, audio.length - offset), total - position);
                System.arraycopy(audio, offset, frame, i, n);
                i += n;
                position += n;
            }
            java.util.Arrays.fill(frame, i, frame.length, silence);
            return true;
        }
    }
}
