package io.phonectl.media.rtp;

import io.phonectl.media.RtpFormatException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RtpPacketTest {

    @Test
    void encodesTheFixedHeaderBitForBit() {
        RtpPacket packet = new RtpPacket(true, 0, 0xABCD, 0xFFFF_FFFEL, 0x1234_5678L, new byte[] {(byte) 0xFF, 0x7F});
        assertThat(HexFormat.of().formatHex(packet.encode())).isEqualTo("8080abcdfffffffe12345678ff7f");
        RtpPacket alaw = new RtpPacket(false, 8, 1, 160, 1, new byte[0]);
        assertThat(HexFormat.of().formatHex(alaw.encode())).isEqualTo("80080001000000a000000001");
    }

    @ParameterizedTest
    @CsvSource({"true, 0, 0, 0, 0", "false, 8, 65535, 4294967295, 4294967295", "true, 127, 1, 160, 42"})
    void roundTrips(boolean marker, int pt, int seq, long ts, long ssrc) {
        RtpPacket packet = new RtpPacket(marker, pt, seq, ts, ssrc, new byte[160]);
        assertThat(RtpPacket.decode(ByteBuffer.wrap(packet.encode()))).isEqualTo(packet);
    }

    @Test
    void skipsCsrcExtensionAndPadding() {
        // V=2 P=1 X=1 CC=1, M=1 PT=0, seq 7, ts 9, ssrc 3, one CSRC, extension of one word, payload AA BB, 2 pad bytes
        byte[] bytes = HexFormat.of().parseHex("b1800007" + "00000009" + "00000003" + "00000011" + "beef0001" + "01020304" + "aabb" + "0002");
        RtpPacket packet = RtpPacket.decode(ByteBuffer.wrap(bytes));
        assertThat(packet.payload()).containsExactly(0xAA, 0xBB);
        assertThat(packet.marker()).isTrue();
        assertThat(packet.sequence()).isEqualTo(7);
    }

    @ParameterizedTest
    @CsvSource({
        "80000001000000000000000, length",      // 11 bytes (odd hex is padded below)
        "400000010000000000000000, version",
        "8f0000010000000000000000, CSRC count",
        "900000010000000000000000, extension",
        "a00000010000000000000000, padding",
        "a000000100000000000000000d, padding"
    })
    void rejectsMalformedHeadersNamingTheField(String hex, String field) {
        byte[] bytes = HexFormat.of().parseHex(hex.length() % 2 == 1 ? hex.substring(0, hex.length() - 1) : hex);
        assertThatThrownBy(() -> RtpPacket.decode(ByteBuffer.wrap(bytes))).isInstanceOf(RtpFormatException.class)
                .hasMessageStartingWith(field + " = ").hasMessageContaining("RFC 3550");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomAndMutatedDatagramsOnlyFailWithRtpFormatException(long seed) {
        Random random = new Random(seed);
        byte[] valid = new RtpPacket(true, 0, 5, 6, 7, new byte[20]).encode();
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = i % 2 == 0 ? new byte[random.nextInt(40)] : valid.clone();
            if (i % 2 == 0) {
                random.nextBytes(bytes);
            } else {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
                RtpPacket p = RtpPacket.decode(ByteBuffer.wrap(bytes));
                assertThat(p.payloadLength()).isLessThanOrEqualTo(bytes.length - RtpPacket.HEADER_BYTES);
            } catch (RtpFormatException expected) {
                assertThat(expected.getMessage()).contains("(source: RFC 3550");
            }
        }
    }

    @Test
    void rejectsOutOfRangeFields() {
        assertThatThrownBy(() -> new RtpPacket(false, 128, 0, 0, 0, new byte[0])).hasMessageContaining("payloadType 128");
        assertThatThrownBy(() -> new RtpPacket(false, 0, 65536, 0, 0, new byte[0])).hasMessageContaining("sequence 65536");
        assertThatThrownBy(() -> new RtpPacket(false, 0, 0, 1L << 32, 0, new byte[0])).hasMessageContaining("unsigned 32-bit");
    }
}
