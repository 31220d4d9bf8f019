package io.phonectl.media.g711;

/**
 * The two G.711 companding laws, with their static RTP payload types (RFC 3551) and silence codes.
 * Encoding and decoding go through lookup tables built once from the ITU-T G.711 segment definition,
 * so the per-sample hot path is a single array read.
 */
public enum G711 {
    /** PCMU, payload type 0; silence is 0xFF (0x00 would be full-scale negative: a loud click). */
    MU_LAW(0, (byte) 0xFF),
    /** PCMA, payload type 8; silence is 0xD5 (decodes to +8, the smallest positive step). */
    A_LAW(8, (byte) 0xD5);

    /** 8 kHz: samples per 20 ms frame, which is also the RTP timestamp step per packet. */
    public static final int SAMPLES_PER_FRAME = 160;
    public static final int SAMPLE_RATE = 8000;

    private final int payloadType;
    private final byte silence;

    G711(int payloadType, byte silence) {
        this.payloadType = payloadType;
        this.silence = silence;
    }

    public int payloadType() {
        return payloadType;
    }

    public byte silence() {
        return silence;
    }

    public byte encode(short linear) {
        return this == MU_LAW ? G711Tables.MU_ENCODE[(linear >> 2) + 8192] : G711Tables.A_ENCODE[(linear >> 3) + 4096];
    }

    public short decode(byte code) {
        return this == MU_LAW ? G711Tables.MU_DECODE[code & 0xFF] : G711Tables.A_DECODE[code & 0xFF];
    }

    public void encode(short[] linear, int from, byte[] out, int outFrom, int length) {
        byte[] table = this == MU_LAW ? G711Tables.MU_ENCODE : G711Tables.A_ENCODE;
        int shift = this == MU_LAW ? 2 : 3;
        int offset = this == MU_LAW ? 8192 : 4096;
        for (int i = 0; i < length; i++) {
            out[outFrom + i] = table[(linear[from + i] >> shift) + offset];
        }
    }

    public byte[] encode(short[] linear) {
        byte[] out = new byte[linear.length];
        encode(linear, 0, out, 0, linear.length);
        return out;
    }

    public short[] decode(byte[] codes) {
        short[] table = this == MU_LAW ? G711Tables.MU_DECODE : G711Tables.A_DECODE;
        short[] out = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = table[codes[i] & 0xFF];
        }
        return out;
    }

    /** The law whose static payload type is {@code pt}, or null. */
    public static G711 forPayloadType(int pt) {
        for (G711 law : values()) {
            if (law.payloadType == pt) {
                return law;
            }
        }
        return null;
    }
}
