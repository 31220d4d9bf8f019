package io.phonectl.media.wav;

import io.phonectl.media.WavFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files with integer PCM (8, 16, 24 or 32 bit; format 1 or WAVE_FORMAT_EXTENSIBLE with the PCM
 * sub-format) or 32-bit IEEE float, any rate and channel count. Every malformed input ends in a
 * {@link WavFormatException}; nothing else escapes.
 */
public final class WavReader {
    /** Ring and Play files are at most a few seconds; this bound keeps a hostile file from exhausting memory. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    public static final int MAX_CHANNELS = 32;
    public static final int MIN_RATE = 1000;
    public static final int MAX_RATE = 384_000;

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private WavReader() {
    }

    public static PcmAudio read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new WavFormatException("file size", size, "at most " + MAX_BYTES + " bytes");
            }
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static PcmAudio read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new WavFormatException("file size", bytes.length, "at most " + MAX_BYTES + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || in.getInt(0) != 0x46464952 || in.getInt(8) != 0x45564157) {
            throw new WavFormatException("header", ascii(bytes, 0, 12), "must start with RIFF....WAVE");
        }
        Format format = null;
        int position = 12;
        while (position + 8 <= bytes.length) {
            int id = in.getInt(position);
            long size = Integer.toUnsignedLong(in.getInt(position + 4));
            int body = position + 8;
            if (id == 0x20746d66) { // "fmt "
                format = Format.parse(in, body, size, bytes.length);
            } else if (id == 0x61746164) { // "data"
                if (format == null) {
                    throw new WavFormatException("data chunk", "before fmt", "the fmt chunk must come before data");
                }
                // a truncated final data chunk is common (streaming writers leave size 0 or too large): read what exists
                int available = (int) Math.min(size, bytes.length - body);
                return format.decode(in, body, available);
            }
            long next = body + size + (size & 1);
            if (next > bytes.length) {
                break;
            }
            position = (int) next;
        }
        throw new WavFormatException(format == null ? "fmt chunk" : "data chunk", "(absent)", "a WAVE file needs fmt and data chunks");
    }

    private static String ascii(byte[] bytes, int from, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < Math.min(bytes.length, from + length); i++) {
            int c = bytes[i] & 0xFF;
            text.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        return text.toString();
    }

    private record Format(boolean floating, int channels, int sampleRate, int bitsPerSample, int blockAlign) {

        static Format parse(ByteBuffer in, int body, long size, int total) {
            if (size < 16 || body + 16 > total) {
                throw new WavFormatException("fmt chunk size", size, "at least 16 bytes");
            }
            int tag = in.getShort(body) & 0xFFFF;
            int channels = in.getShort(body + 2) & 0xFFFF;
            int rate = in.getInt(body + 4);
            int blockAlign = in.getShort(body + 12) & 0xFFFF;
            int bits = in.getShort(body + 14) & 0xFFFF;
            if (tag == FORMAT_EXTENSIBLE) {
                if (size < 40 || body + 40 > total) {
                    throw new WavFormatException("fmt chunk size", size, "WAVE_FORMAT_EXTENSIBLE needs 40 bytes");
                }
                tag = in.getShort(body + 24) & 0xFFFF; // first two bytes of the sub-format GUID carry the format tag
            }
            if (tag != FORMAT_PCM && tag != FORMAT_FLOAT) {
                throw new WavFormatException("format tag", tag, "only PCM (1) and IEEE float (3) can be converted");
            }
            if (channels < 1 || channels > MAX_CHANNELS) {
                throw new WavFormatException("channels", channels, "between 1 and " + MAX_CHANNELS);
            }
            if (rate < MIN_RATE || rate > MAX_RATE) {
                throw new WavFormatException("sample rate", Integer.toUnsignedString(rate), "between " + MIN_RATE + " and " + MAX_RATE + " Hz");
            }
            boolean floating = tag == FORMAT_FLOAT;
            if (floating ? bits != 32 : bits != 8 && bits != 16 && bits != 24 && bits != 32) {
                throw new WavFormatException("bits per sample", bits, floating ? "float must be 32-bit" : "PCM must be 8, 16, 24 or 32 bit");
            }
            if (blockAlign != channels * bits / 8) {
                throw new WavFormatException("block align", blockAlign, "must equal channels × bits / 8 = " + channels * bits / 8);
            }
            return new Format(floating, channels, rate, bits, blockAlign);
        }

        PcmAudio decode(ByteBuffer in, int offset, int length) {
            int frames = length / blockAlign;
            float[][] out = new float[channels][frames];
            int bytesPerSample = bitsPerSample / 8;
            for (int f = 0; f < frames; f++) {
                int base = offset + f * blockAlign;
                for (int c = 0; c < channels; c++) {
                    out[c][f] = sample(in, base + c * bytesPerSample);
                }
            }
            return new PcmAudio(sampleRate, out);
        }

        private float sample(ByteBuffer in, int at) {
            if (floating) {
                float v = in.getFloat(at);
                return Float.isFinite(v) ? Math.max(-1f, Math.min(1f, v)) : 0f;
            }
            return switch (bitsPerSample) {
                case 8 -> ((in.get(at) & 0xFF) - 128) / 128f; // 8-bit WAV is unsigned
                case 16 -> in.getShort(at) / 32768f;
                case 24 -> ((in.get(at) & 0xFF) | (in.get(at + 1) & 0xFF) << 8 | in.get(at + 2) << 16) / 8388608f;
                default -> in.getInt(at) / 2147483648f;
            };
        }
    }
}
