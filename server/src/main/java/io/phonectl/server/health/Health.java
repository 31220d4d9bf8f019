package io.phonectl.server.health;

import io.phonectl.server.db.Database;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Liveness and readiness: live while the process answers; ready when the database answers a round trip.
 * {@code /health} answers 200 when ready and 503 otherwise, with this report as JSON either way.
 */
public final class Health {

    /** What {@code /health} shows. */
    public record Report(String status, boolean live, boolean ready, Check database, long uptimeSeconds) {
    }

    /** One dependency: whether it answered and how long it took (milliseconds). */
    public record Check(boolean ok, double millis) {
    }

    private final Database db;
    private final InstantSource clock;
    private final Instant started;

    public Health(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
        this.started = clock.instant();
    }

    public Report check() {
        long t0 = System.nanoTime();
        boolean ok = db.ping();
        double ms = (System.nanoTime() - t0) / 1e6;
        long up = Duration.between(started, clock.instant()).toSeconds();
        return new Report(ok ? "up" : "down", true, ok, new Check(ok, Math.round(ms * 100) / 100.0), up);
    }
}
