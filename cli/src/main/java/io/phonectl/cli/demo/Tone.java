package io.phonectl.cli.demo;

import io.phonectl.media.g711.G711;

/** The demo's page: a short two-note chime, as G.711 µ-law at 8 kHz (what every phone model can play). */
final class Tone {

    private Tone() {
    }

    /** {@code seconds} of a 660 Hz then 880 Hz chime at a third of full scale, with 10 ms fades against clicks. */
    static byte[] chime(double seconds) {
        int n = (int) Math.round(seconds * G711.SAMPLE_RATE);
        short[] pcm = new short[n];
        int fade = G711.SAMPLE_RATE / 100;
        for (int i = 0; i < n; i++) {
            double hz = i < n / 2 ? 660 : 880;
            double envelope = Math.min(1.0, Math.min(i, n - 1 - i) / (double) fade);
            pcm[i] = (short) Math.round(Math.sin(2 * Math.PI * hz * i / G711.SAMPLE_RATE) * envelope * 32767 / 3);
        }
        return G711.MU_LAW.encode(pcm);
    }
}
