package io.phonectl.media.wav;

import io.phonectl.media.WavFormatException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WavReaderTest {

    private static byte[] valid() {
        return WavWriter.write(16000, 16, new float[][] {Tones.sine(1000, 16000, 1600, 0.5), Tones.sine(500, 16000, 1600, 0.25)});
    }

    @ParameterizedTest
    @CsvSource({"8", "16", "24", "32"})
    void readsEveryIntegerDepthBackWithinOneStep(int bits) {
        float[] ramp = {0f, 0.5f, -0.5f, 0.25f, -1f};
        PcmAudio audio = WavReader.read(WavWriter.write(8000, bits, new float[][] {ramp}));
        double step = bits == 8 ? 1 / 127.0 : 1 / 32767.0;
        for (int i = 0; i < ramp.length; i++) {
            assertThat((double) audio.channels()[0][i]).isCloseTo(ramp[i], org.assertj.core.api.Assertions.within(step * 1.5));
        }
    }

    @Test
    void readsFloatAndExtensibleFormats() {
        byte[] bytes = valid();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        // rewrite as 32-bit float: same header shape, new tag, depth and block align
        float[] samples = {0.25f, -0.75f};
        ByteBuffer f = ByteBuffer.allocate(44 + 8).order(ByteOrder.LITTLE_ENDIAN);
        f.put(bytes, 0, 44).putFloat(samples[0]).putFloat(samples[1]);
        f.putShort(20, (short) 3).putShort(22, (short) 1).putShort(32, (short) 4).putShort(34, (short) 32).putInt(40, 8);
        PcmAudio audio = WavReader.read(f.array());
        assertThat(audio.channels()[0]).containsExactly(0.25f, -0.75f);
        assertThat(b.getShort(22)).isEqualTo((short) 2);
    }

    @Test
    void skipsUnknownAndOddSizedChunks() {
        byte[] wav = valid();
        ByteBuffer out = ByteBuffer.allocate(wav.length + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        out.put(wav, 0, 12).putInt(0x5453494c).putInt(3).put(new byte[] {1, 2, 3, 0}); // "LIST", 3 bytes + pad
        out.put(wav, 12, wav.length - 12);
        PcmAudio audio = WavReader.read(out.array());
        assertThat(audio.frames()).isEqualTo(1600);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 | 0x58 | header",
        "20 | 0x02 | format tag",
        "22 | 0x00 | channels",
        "22 | 0x21 | channels",
        "34 | 0x0C | bits per sample",
        "32 | 0x03 | block align",
        "24 | 0x00 | sample rate"
    })
    void rejectsBrokenHeadersNamingTheField(int offset, String hex, String field) {
        byte[] wav = valid();
        wav[offset] = (byte) Integer.parseInt(hex.substring(2), 16);
        if (offset == 24) {
            wav[25] = 0;
        }
        assertThatThrownBy(() -> WavReader.read(wav)).isInstanceOf(WavFormatException.class).hasMessageStartingWith(field + " = ");
    }

    @Test
    void channelLimitBothSides() {
        assertThat(WavReader.read(WavWriter.write(8000, 16, new float[WavReader.MAX_CHANNELS][4])).channels()).hasNumberOfRows(32);
        assertThatThrownBy(() -> WavReader.read(WavWriter.write(8000, 16, new float[WavReader.MAX_CHANNELS + 1][4])))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("channels = \"33\"");
    }

    @Test
    void missingDataChunk() {
        byte[] wav = valid();
        byte[] headerOnly = java.util.Arrays.copyOf(wav, 36);
        assertThatThrownBy(() -> WavReader.read(headerOnly)).isInstanceOf(WavFormatException.class).hasMessageContaining("data chunk");
    }

    /** Seeded mutations of a valid file: the reader either returns audio or throws its own typed error. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void mutatedInputOnlyEverFailsWithWavFormatException(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            byte[] wav = valid();
            int mutations = 1 + random.nextInt(6);
            for (int m = 0; m < mutations; m++) {
                wav[random.nextInt(Math.min(wav.length, 64))] = (byte) random.nextInt(256);
            }
            byte[] input = random.nextInt(4) == 0 ? java.util.Arrays.copyOf(wav, random.nextInt(wav.length)) : wav;
            try {
                WavReader.read(input);
            } catch (WavFormatException expected) {
                assertThat(expected.getMessage()).contains(" = \"").contains("(source: ");
            }
        }
    }
}
