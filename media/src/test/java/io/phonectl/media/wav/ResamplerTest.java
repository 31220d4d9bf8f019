package io.phonectl.media.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

    /** A tone written as a WAV of the given rate, channels and depth comes out at 8 kHz with the same frequency. */
    @ParameterizedTest
    @CsvSource({
        "44100, 2, 16, 1000", "44100, 1, 8, 440", "48000, 1, 24, 3000", "48000, 2, 16, 1000",
        "16000, 1, 16, 2500", "16000, 2, 24, 700", "11025, 1, 8, 1000", "11025, 2, 16, 3200",
        "22050, 1, 32, 1500", "8000, 1, 16, 1000", "6000, 1, 16, 1000"
    })
    void keepsTheTonesFrequencyAndLevel(int rate, int channelCount, int bits, int frequency) {
        int frames = rate / 2;
        float[][] channels = new float[channelCount][];
        for (int c = 0; c < channelCount; c++) {
            channels[c] = Tones.sine(frequency, rate, frames, 0.5);
        }
        PcmAudio audio = WavReader.read(WavWriter.write(rate, bits, channels));
        assertThat(audio.sampleRate()).isEqualTo(rate);
        assertThat(audio.channels()).hasNumberOfRows(channelCount);

        float[] out = audio.toTelephoneMono();

        assertThat(out.length).isEqualTo((int) ((long) frames * 8000 / rate));
        assertThat(Tones.peak(out, 8000)).isCloseTo(frequency, within(5.0));
        assertThat(Tones.amplitude(out, 8000, frequency)).isCloseTo(0.5, within(0.03));
    }

    /** 5 kHz (and 6.5 kHz) would alias to 3 kHz (1.5 kHz) without the low-pass: the residue must be > 50 dB down. */
    @ParameterizedTest
    @CsvSource({"48000, 5000", "44100, 5000", "16000, 6500", "11025, 4500", "48000, 12000"})
    void attenuatesTonesAboveFourKilohertz(int rate, int frequency) {
        float[] in = Tones.sine(frequency, rate, rate / 2, 0.5);
        float[] out = Resampler.resample(in, rate, 8000);
        double alias = Math.abs(8000 - frequency % 8000);
        alias = Math.min(alias, frequency % 8000);
        assertThat(Tones.amplitude(out, 8000, alias)).isLessThan(0.5 * Math.pow(10, -50 / 20.0));
        assertThat(Tones.amplitude(out, 8000, Tones.peak(out, 8000))).isLessThan(0.5 * Math.pow(10, -50 / 20.0));
    }

    @Test
    void stereoWithOppositeChannelsMixesToSilence() {
        float[] left = Tones.sine(1000, 16000, 8000, 0.5);
        float[] right = Tones.sine(1000, 16000, 8000, -0.5);
        float[] mono = new PcmAudio(16000, new float[][] {left, right}).mono();
        for (float v : mono) {
            assertThat(Math.abs(v)).isLessThan(1e-6f);
        }
    }

    @Test
    void encodesToG711AtEightKilohertzWithClipping() {
        float[] loud = Tones.sine(1000, 16000, 1600, 1.5);
        byte[] mu = new PcmAudio(16000, new float[][] {loud}).toG711(io.phonectl.media.g711.G711.MU_LAW);
        assertThat(mu).hasSize(800).contains((byte) 0x80, (byte) 0x00); // clipped to ± full scale, not wrapped
        assertThat(PcmAudio.toPcm16(new float[] {2f, -2f, 0.5f})).containsExactly((short) 32767, (short) -32767, (short) 16384);
    }

    @Test
    void sameRateIsACopy() {
        float[] in = {0.1f, -0.2f, 0.3f};
        float[] out = Resampler.resample(in, 8000, 8000);
        assertThat(out).containsExactly(in).isNotSameAs(in);
    }
}
