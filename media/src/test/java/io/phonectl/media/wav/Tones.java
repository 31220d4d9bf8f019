package io.phonectl.media.wav;

/** Test signals and a single-bin DFT (Goertzel) to measure them. */
public final class Tones {
    private Tones() {
    }

    public static float[] sine(double frequency, int rate, int frames, double amplitude) {
        float[] out = new float[frames];
        for (int i = 0; i < frames; i++) {
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return out;
    }

    /** Amplitude of the component at {@code frequency}, over a Hann-windowed span skipping the filter's edges. */
    public static double amplitude(float[] signal, int rate, double frequency) {
        return amplitude(signal, hann(signal), rate, frequency);
    }

    /** The frequency between 25 Hz and Nyquist (5 Hz steps, finer than the window's main lobe) with the largest amplitude. */
    public static double peak(float[] signal, int rate) {
        double[] window = hann(signal);
        double best = 0;
        double bestFrequency = 0;
        for (double f = 25; f < rate / 2.0; f += 5) {
            double a = amplitude(signal, window, rate, f);
            if (a > best) {
                best = a;
                bestFrequency = f;
            }
        }
        return bestFrequency;
    }

    private static double[] hann(float[] signal) {
        int n = signal.length - 2 * (signal.length / 10);
        double[] window = new double[n];
        for (int i = 0; i < n; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
        }
        return window;
    }

    private static double amplitude(float[] signal, double[] window, int rate, double frequency) {
        int skip = signal.length / 10;
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / rate);
        double s1 = 0;
        double s2 = 0;
        double windowSum = 0;
        for (int i = 0; i < window.length; i++) {
            windowSum += window[i];
            double s = signal[skip + i] * window[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return 2 * Math.sqrt(Math.max(power, 0)) / windowSum;
    }
}
