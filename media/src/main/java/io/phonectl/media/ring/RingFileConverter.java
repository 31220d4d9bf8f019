package io.phonectl.media.ring;

import io.phonectl.media.RingFileException;
import io.phonectl.media.g711.G711;
import io.phonectl.media.wav.PcmAudio;
import io.phonectl.media.wav.WavReader;
import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import java.nio.file.Path;

/**
 * WAV (any rate, channels, depth that {@link WavReader} accepts) to a ring/Play file that passes
 * {@link RingFileChecker}: 8 kHz mono µ-law, padded with silence to a multiple of 240 samples, faded in and
 * out over 5 ms so the first and last samples are exactly zero (0xFF).
 */
public final class RingFileConverter {
    /** 5 ms raised-cosine fades: short enough to keep the attack, long enough to avoid a click. */
    static final int FADE_SAMPLES = 40;

    /** {@code truncate}: cut sounds longer than 16080 samples (2.01 s) instead of refusing them. */
    public record Options(boolean truncate) {
        public static final Options DEFAULT = new Options(false);
    }

    private RingFileConverter() {
    }

    public static byte[] convert(Path wav, Options options) {
        return convert(WavReader.read(wav), options);
    }

    public static byte[] convert(PcmAudio audio, Options options) {
        float[] samples = audio.toTelephoneMono();
        int n = samples.length;
        if (n == 0) {
            throw new RingFileException(Violation.of("samples", RingFileChecker.describe(0),
                    "the WAV holds no audio at 8 kHz; a ring file needs at least " + RingFileChecker.MIN_SAMPLES + " samples",
                    Sources.CONTROL_SPEC));
        }
        if (n > RingFileChecker.MAX_SAMPLES) {
            if (!options.truncate()) {
                throw new RingFileException(Violation.of("samples", RingFileChecker.describe(n),
                        "at most " + RingFileChecker.MAX_SAMPLES + " samples (2.01 s) at 8 kHz; shorten the sound or allow truncation",
                        Sources.CONTROL_SPEC));
            }
            n = RingFileChecker.MAX_SAMPLES;
        }
        int length = Math.max(RingFileChecker.MIN_SAMPLES,
                (n + RingFileChecker.SAMPLE_MULTIPLE - 1) / RingFileChecker.SAMPLE_MULTIPLE * RingFileChecker.SAMPLE_MULTIPLE);
        float[] padded = new float[length];
        System.arraycopy(samples, 0, padded, 0, n);
        fade(padded, n);
        byte[] raw = G711.MU_LAW.encode(PcmAudio.toPcm16(padded));
        RingFileChecker.requireValid(raw); // postcondition: a converter bug must not produce a file the phone rejects
        return raw;
    }

    private static void fade(float[] samples, int soundLength) {
        int fade = Math.min(FADE_SAMPLES, soundLength / 2);
        for (int i = 0; i < fade; i++) {
            float gain = (float) (0.5 - 0.5 * Math.cos(Math.PI * i / fade));
            samples[i] *= gain;
            samples[soundLength - 1 - i] *= gain;
        }
        samples[0] = 0;
        samples[soundLength - 1] = 0;
    }
}
