package io.phonectl.sim.media;

/**
 * The largest instantaneous jitter of a received stream, in milliseconds: |D(i-1, i)| of RFC 3550 §6.4.1, the
 * difference between two packets' transit times, which is what the phones' MaxJitter field shows ("maximum value of
 * instantaneous jitter", Cisco 8800/7832 administration guides, Streaming Statistics). AvgJitter is the RFC's smoothed
 * estimate from {@code ReceiverStatistics}. Fed on the receiving thread; read from request threads.
 */
final class JitterPeak {

    private final double clockRate;
    private boolean first = true;
    private double lastTransitMs;
    private volatile double maxMs;

    JitterPeak(int clockRate) {
        this.clockRate = clockRate;
    }

    synchronized void arrived(long rtpTimestamp, long arrivalNanos) {
        double transitMs = arrivalNanos / 1e6 - rtpTimestamp * 1000.0 / clockRate;
        if (!first) {
            double d = Math.abs(transitMs - lastTransitMs);
            if (d > maxMs) {
                maxMs = d;
            }
        }
        first = false;
        lastTransitMs = transitMs;
    }

    double maxMillis() {
        return maxMs;
    }
}
