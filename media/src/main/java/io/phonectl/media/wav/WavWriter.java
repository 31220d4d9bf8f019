package io.phonectl.media.wav;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes integer PCM RIFF/WAVE (8, 16, 24 or 32 bit): used to record received audio and to build test inputs. */
public final class WavWriter {
    private WavWriter() {
    }

    /** Samples in [-1, 1] are clipped and rounded; {@code channels[c][frame]}. */
    public static byte[] write(int sampleRate, int bitsPerSample, float[][] channels) {
        if (bitsPerSample != 8 && bitsPerSample != 16 && bitsPerSample != 24 && bitsPerSample != 32) {
            throw new IllegalArgumentException("bitsPerSample must be 8, 16, 24 or 32: " + bitsPerSample);
        }
        int bytesPerSample = bitsPerSample / 8;
        int blockAlign = channels.length * bytesPerSample;
        int frames = channels[0].length;
        int dataSize = frames * blockAlign;
        ByteBuffer out = ByteBuffer.allocate(44 + dataSize + (dataSize & 1)).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46464952).putInt(36 + dataSize + (dataSize & 1)).putInt(0x45564157);
        out.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) channels.length)
                .putInt(sampleRate).putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) bitsPerSample);
        out.putInt(0x61746164).putInt(dataSize);
        for (int f = 0; f < frames; f++) {
            for (float[] channel : channels) {
                double v = Math.max(-1.0, Math.min(1.0, channel[f]));
                switch (bitsPerSample) {
                    case 8 -> out.put((byte) (Math.round(v * 127) + 128));
                    case 16 -> out.putShort((short) Math.round(v * 32767));
                    case 24 -> {
                        int s = (int) Math.round(v * 8388607);
                        out.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                    }
                    default -> out.putInt((int) Math.round(v * 2147483647.0));
                }
            }
        }
        return out.array();
    }
}
