package io.phonectl.media.wav;

/**
 * Band-limited resampling by a Kaiser-windowed sinc evaluated at the exact fractional input position of every
 * output sample (any rational or irrational ratio, no drift: positions are computed from the output index).
 * The cut-off sits at 92.5 % of the lower Nyquist frequency with a transition band ending at that Nyquist
 * frequency, about 80 dB down: for 8 kHz output the band is flat to ~3.4 kHz and a 5 kHz input tone does not
 * fold back to 3 kHz.
 */
public final class Resampler {
    private static final double STOPBAND_DB = 80;
    private static final double CUTOFF = 0.925;      // of the lower Nyquist frequency
    private static final double TRANSITION = 0.15;   // width, same unit; the band ends at CUTOFF + TRANSITION/2
    private static final int TABLE_STEPS = 256;      // kernel samples per input sample; linear interpolation between

    private Resampler() {
    }

    public static float[] resample(float[] input, int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("rates must be positive: " + inRate + " -> " + outRate);
        }
        if (inRate == outRate) {
            return input.clone();
        }
        double nyquist = Math.min(inRate, outRate) / 2.0;
        double cutoff = nyquist * CUTOFF / inRate;            // cycles per input sample
        double transition = nyquist * TRANSITION / inRate;    // cycles per input sample
        double beta = 0.1102 * (STOPBAND_DB - 8.7);
        // Kaiser's estimate of the order for the wanted stopband and transition width, in input samples
        int half = (int) Math.ceil((STOPBAND_DB - 7.95) / (2.285 * 2 * Math.PI * transition) / 2);
        float[] kernel = kernel(half, cutoff, beta);

        long outLength = (long) input.length * outRate / inRate;
        float[] out = new float[(int) outLength];
        double step = (double) inRate / outRate;
        for (int n = 0; n < out.length; n++) {
            double position = n * step;
            int first = (int) Math.ceil(position - half);
            int last = (int) Math.floor(position + half);
            double sum = 0;
            for (int k = Math.max(first, 0); k <= Math.min(last, input.length - 1); k++) {
                double x = (position - k + half) * TABLE_STEPS;
                int i = (int) x;
                double frac = x - i;
                double weight = i + 1 < kernel.length ? kernel[i] + (kernel[i + 1] - kernel[i]) * frac : kernel[kernel.length - 1];
                sum += input[k] * weight;
            }
            out[n] = (float) sum;
        }
        return out;
    }

    /** Kernel sampled at offsets −half … +half input samples, TABLE_STEPS points per sample. */
    private static float[] kernel(int half, double cutoff, double beta) {
        int length = 2 * half * TABLE_STEPS + 1;
        float[] table = new float[length];
        double norm = besselI0(beta);
        for (int i = 0; i < length; i++) {
            double t = (double) i / TABLE_STEPS - half;
            double arg = 2 * cutoff * t;
            double sinc = t == 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
            double r = t / half;
            double window = Math.abs(r) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - r * r)) / norm;
            table[i] = (float) (2 * cutoff * sinc * window);
        }
        return table;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }
}
