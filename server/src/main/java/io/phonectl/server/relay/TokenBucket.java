package io.phonectl.server.relay;

import java.time.InstantSource;

/**
 * A token bucket on an injected clock: {@code rate} tokens a second, at most {@code burst} saved up. Never waits: a
 * request that finds the bucket empty is refused at once (a phone waiting for its answer would time out anyway).
 */
final class TokenBucket {

    private final double perNano;
    private final double burst;
    private final InstantSource clock;
    private double tokens;
    private long last;

    TokenBucket(int rate, int burst, InstantSource clock) {
        this.perNano = rate / 1e9;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.last = nanos();
    }

    synchronized boolean tryTake() {
        long now = nanos();
        tokens = Math.min(burst, tokens + Math.max(0, now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private long nanos() {
        var i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
