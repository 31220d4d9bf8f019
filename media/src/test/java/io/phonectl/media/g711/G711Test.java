package io.phonectl.media.g711;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class G711Test {

    /** µ-law decoded value from ITU-T G.711 Table 2a: magnitude ((2m+33)·2^s − 33) in 14-bit units, ×4 for 16 bits. */
    private static int muExpected(int code) {
        int u = ~code & 0xFF;
        int segment = (u >> 4) & 7;
        int mantissa = u & 0x0F;
        int magnitude = (((2 * mantissa + 33) << segment) - 33) * 4;
        return (u & 0x80) != 0 ? -magnitude : magnitude;
    }

    /** A-law decoded value from G.711 Table 1a: segment 0 → (2m+1), else (2m+33)·2^(s−1), in 13-bit units, ×8. */
    private static int aExpected(int code) {
        int a = code ^ 0x55;
        int segment = (a >> 4) & 7;
        int mantissa = a & 0x0F;
        int magnitude = (segment == 0 ? 2 * mantissa + 1 : (2 * mantissa + 33) << (segment - 1)) * 8;
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }

    @ParameterizedTest
    @CsvSource({
        "MU_LAW, 0xFF, 0", "MU_LAW, 0x7F, 0", "MU_LAW, 0x80, 32124", "MU_LAW, 0x00, -32124",
        "MU_LAW, 0xFE, 8", "MU_LAW, 0x7E, -8", "MU_LAW, 0xF0, 120", "MU_LAW, 0xEF, 132", "MU_LAW, 0xE0, 372",
        "A_LAW, 0xD5, 8", "A_LAW, 0x55, -8", "A_LAW, 0xAA, 32256", "A_LAW, 0x2A, -32256",
        "A_LAW, 0xD4, 24", "A_LAW, 0xC5, 264", "A_LAW, 0xDA, 248"
    })
    void knownVectors(G711 law, String hex, int expected) {
        byte code = (byte) Integer.parseInt(hex.substring(2), 16);
        assertThat((int) law.decode(code)).isEqualTo(expected);
    }

    @Test
    void everyCodeDecodesToTheStandardsSegmentValue() {
        for (int code = 0; code < 256; code++) {
            assertThat((int) G711.MU_LAW.decode((byte) code)).as("µ %02x", code).isEqualTo(muExpected(code));
            assertThat((int) G711.A_LAW.decode((byte) code)).as("A %02x", code).isEqualTo(aExpected(code));
        }
    }

    @Test
    void encodeOfDecodeIsIdentityExceptMuLawNegativeZero() {
        for (int code = 0; code < 256; code++) {
            int expectedMu = code == 0x7F ? 0xFF : code;
            assertThat(G711.MU_LAW.encode(G711.MU_LAW.decode((byte) code)) & 0xFF).isEqualTo(expectedMu);
            assertThat(G711.A_LAW.encode(G711.A_LAW.decode((byte) code)) & 0xFF).isEqualTo(code);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "MU_LAW, 0, 0xFF", "MU_LAW, 32767, 0x80", "MU_LAW, -32768, 0x00", "MU_LAW, 3, 0xFF", "MU_LAW, 4, 0xFE",
        "MU_LAW, 12, 0xFD", "MU_LAW, 11, 0xFE", "A_LAW, 0, 0xD5", "A_LAW, 7, 0xD5", "A_LAW, -1, 0x55", "A_LAW, 32767, 0xAA",
        "A_LAW, -32768, 0x2A"
    })
    void encodeKnownSamples(G711 law, short sample, String hex) {
        assertThat(law.encode(sample) & 0xFF).isEqualTo(Integer.parseInt(hex.substring(2), 16));
    }

    @Test
    void silenceAndPayloadTypes() {
        assertThat(G711.MU_LAW.silence()).isEqualTo((byte) 0xFF);
        assertThat(G711.MU_LAW.decode(G711.MU_LAW.silence())).isZero();
        assertThat(G711.MU_LAW.payloadType()).isZero();
        assertThat(G711.A_LAW.payloadType()).isEqualTo(8);
        assertThat(G711.forPayloadType(8)).isEqualTo(G711.A_LAW);
        assertThat(G711.forPayloadType(9)).isNull();
    }

    /**
     * G.711 quantises by decision interval, reconstructing at the interval's middle: the error never exceeds half
     * the interval width of the chosen segment plus what the 14-/13-bit truncation drops, except beyond full scale.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42})
    void errorStaysWithinHalfTheDecisionInterval(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 5000; i++) {
            short s = (short) random.nextInt(65536);
            int mu = G711.MU_LAW.encode(s) & 0xFF;
            int muSegment = ((~mu) >> 4) & 7;
            int muHalfWidth = (2 << muSegment) * 4 / 2 + 4;
            if (Math.abs(s) < 32124) {
                assertThat(Math.abs(G711.MU_LAW.decode((byte) mu) - s)).as("µ %d", s).isLessThanOrEqualTo(muHalfWidth);
            }
            int a = (G711.A_LAW.encode(s) & 0xFF) ^ 0x55;
            int aSegment = (a >> 4) & 7;
            int aHalfWidth = (aSegment <= 1 ? 2 : 1 << aSegment) * 8 / 2 + 8;
            if (Math.abs(s) < 32256) {
                assertThat(Math.abs(G711.A_LAW.decode((byte) (a ^ 0x55)) - s)).as("A %d", s).isLessThanOrEqualTo(aHalfWidth);
            }
        }
    }

    @Test
    void bulkEncodeMatchesScalar() {
        short[] pcm = {0, 100, -100, 32767, -32768, 5000};
        byte[] bytes = G711.MU_LAW.encode(pcm);
        for (int i = 0; i < pcm.length; i++) {
            assertThat(bytes[i]).isEqualTo(G711.MU_LAW.encode(pcm[i]));
        }
        assertThat(G711.MU_LAW.decode(bytes)[3]).isEqualTo((short) 32124);
    }
}
