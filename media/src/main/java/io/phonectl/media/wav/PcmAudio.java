package io.phonectl.media.wav;

import io.phonectl.media.WavFormatException;
/**
 * Decoded PCM audio: one float array per channel, samples scaled to [-1, 1). Immutable by convention:
 * the arrays are owned by this value and not copied, so callers must not modify them.
 */
public record PcmAudio(int sampleRate, float[][] channels) {

    public PcmAudio {
        if (sampleRate <= 0) {
            throw new WavFormatException("sampleRate", sampleRate, "must be positive");
        }
        if (channels.length == 0) {
            throw new WavFormatException("channels", 0, "at least one channel");
        }
        for (float[] channel : channels) {
            if (channel.length != channels[0].length) {
                throw new WavFormatException("channels", channels.length, "all channels must have the same length");
            }
        }
    }

    public int frames() {
        return channels[0].length;
    }

    /** Mono mix: the average of all channels, so a stereo file with identical channels keeps its level. */
    public float[] mono() {
        if (channels.length == 1) {
            return channels[0].clone();
        }
        float[] out = new float[frames()];
        for (float[] channel : channels) {
            for (int i = 0; i < out.length; i++) {
                out[i] += channel[i];
            }
        }
        float scale = 1f / channels.length;
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return out;
    }

    /** Mono at 8 kHz, low-pass filtered before decimation so nothing above 4 kHz folds back into the band. */
    public float[] toTelephoneMono() {
        return Resampler.resample(mono(), sampleRate, 8000);
    }

    /** 8 kHz mono encoded with {@code law}, ready for {@code FrameSource.repeat}: clipped, not length-limited. */
    public byte[] toG711(io.phonectl.media.g711.G711 law) {
        return law.encode(toPcm16(toTelephoneMono()));
    }

    /** Float samples to 16-bit, clipping at full scale (resampling can overshoot a full-scale input slightly). */
    public static short[] toPcm16(float[] samples) {
        short[] pcm = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            pcm[i] = (short) Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767);
        }
        return pcm;
    }

    @Override
    public String toString() {
        return "PcmAudio[" + sampleRate + " Hz, " + channels.length + " ch, " + frames() + " frames]";
    }
}
