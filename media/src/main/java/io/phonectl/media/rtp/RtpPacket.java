package io.phonectl.media.rtp;

import io.phonectl.media.RtpFormatException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One RTP packet (RFC 3550 §5.1), version 2. Decoding accepts CSRC lists, a header extension and padding (all
 * skipped); encoding writes the fixed 12-byte header only, which is all a G.711 sender needs.
 */
public record RtpPacket(boolean marker, int payloadType, int sequence, long timestamp, long ssrc, byte[] payload) {
    public static final int HEADER_BYTES = 12;
    public static final int VERSION = 2;

    public RtpPacket {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payloadType " + payloadType + " outside 0..127 (RFC 3550 §5.1)");
        }
        if (sequence < 0 || sequence > 0xFFFF) {
            throw new IllegalArgumentException("sequence " + sequence + " outside 0..65535 (RFC 3550 §5.1)");
        }
        if (timestamp < 0 || timestamp > 0xFFFF_FFFFL || ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timestamp/ssrc must be unsigned 32-bit (RFC 3550 §5.1)");
        }
        payload = payload.clone();
    }

    /** The payload (a copy: this value stays immutable). */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    /** Writes the fixed header; shared with the sender's hot path so there is one header layout in the code base. */
    public static void writeHeader(ByteBuffer out, boolean marker, int payloadType, int sequence, long timestamp, long ssrc) {
        out.put((byte) (VERSION << 6));
        out.put((byte) ((marker ? 0x80 : 0) | payloadType));
        out.putShort((short) sequence);
        out.putInt((int) timestamp);
        out.putInt((int) ssrc);
    }

    public void encode(ByteBuffer out) {
        writeHeader(out, marker, payloadType, sequence, timestamp, ssrc);
        out.put(payload);
    }

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        encode(out);
        return out.array();
    }

    /** Decodes the remaining bytes of {@code in} (one datagram). Throws only {@link RtpFormatException}. */
    public static RtpPacket decode(ByteBuffer in) {
        int length = in.remaining();
        if (length < HEADER_BYTES) {
            throw new RtpFormatException("length", length, "at least " + HEADER_BYTES + " bytes");
        }
        try {
            int start = in.position();
            int first = in.get() & 0xFF;
            int version = first >> 6;
            if (version != VERSION) {
                throw new RtpFormatException("version", version, "must be 2");
            }
            boolean padding = (first & 0x20) != 0;
            boolean extension = (first & 0x10) != 0;
            int csrcCount = first & 0x0F;
            int second = in.get() & 0xFF;
            int sequence = in.getShort() & 0xFFFF;
            long timestamp = Integer.toUnsignedLong(in.getInt());
            long ssrc = Integer.toUnsignedLong(in.getInt());
            int headerEnd = HEADER_BYTES + 4 * csrcCount;
            if (headerEnd > length) {
                throw new RtpFormatException("CSRC count", csrcCount, "the CSRC list must fit in the " + length + "-byte datagram");
            }
            if (extension) {
                if (headerEnd + 4 > length) {
                    throw new RtpFormatException("extension", "truncated", "the extension header needs 4 bytes");
                }
                int words = in.getShort(start + headerEnd + 2) & 0xFFFF;
                headerEnd += 4 + 4 * words;
                if (headerEnd > length) {
                    throw new RtpFormatException("extension length", words, "the extension must fit in the datagram");
                }
            }
            int payloadEnd = length;
            if (padding) {
                int pad = in.get(start + length - 1) & 0xFF;
                if (pad == 0 || headerEnd + pad > length) {
                    throw new RtpFormatException("padding", pad, "between 1 and the bytes after the header");
                }
                payloadEnd -= pad;
            }
            byte[] payload = new byte[payloadEnd - headerEnd];
            in.get(start + headerEnd, payload);
            in.position(start + length);
            return new RtpPacket((second & 0x80) != 0, second & 0x7F, sequence, timestamp, ssrc, payload);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new RtpFormatException("length", length, "the datagram ends inside the packet");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtpPacket p && marker == p.marker && payloadType == p.payloadType && sequence == p.sequence
                && timestamp == p.timestamp && ssrc == p.ssrc && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(ssrc) * 31 + sequence;
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + " seq=" + sequence + " ts=" + timestamp + " ssrc=" + Long.toHexString(ssrc)
                + (marker ? " M" : "") + " payload=" + payload.length + "B]";
    }
}
