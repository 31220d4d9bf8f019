package io.phonectl.server.health;

import io.phonectl.server.db.Database;
import io.phonectl.server.replica.Replicas;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * Liveness and readiness: live while the process answers; ready when the database answers a round trip.
 * {@code /health} answers 200 when ready and 503 otherwise, with this report as JSON either way. The report names
 * this replica, what it holds in flight, and every replica the database knows (issue 13).
 */
public final class Health {

    /** What {@code /health} shows; {@code replicas} is empty when the database did not answer. */
    public record Report(String status, boolean live, boolean ready, Check database, long uptimeSeconds,
                         Replica replica, List<Replicas.Replica> replicas) {
    }

    /** One dependency: whether it answered and how long it took (milliseconds). */
    public record Check(boolean ok, double millis) {
    }

    /**
     * This process as a replica: its id, its items in flight, and whether it may act on them (its heartbeat is
     * within the lease).
     */
    public record Replica(String id, long claims, boolean holdsClaims, long leaseSeconds) {
    }

    private final Database db;
    private final Replicas replicas;
    private final InstantSource clock;
    private final Instant started;

    public Health(Database db, Replicas replicas, InstantSource clock) {
        this.db = db;
        this.replicas = replicas;
        this.clock = clock;
        this.started = clock.instant();
    }

    public Report check() {
        long t0 = System.nanoTime();
        boolean ok = db.ping();
        double ms = (System.nanoTime() - t0) / 1e6;
        long up = Duration.between(started, clock.instant()).toSeconds();
        List<Replicas.Replica> all = List.of();
        if (ok) {
            try {
                all = replicas.list();
            } catch (RuntimeException e) {
                ok = false;
            }
        }
        long claims = all.stream().filter(r -> r.id().equals(replicas.id())).mapToLong(Replicas.Replica::claims)
                .findFirst().orElse(0);
        Replica self = new Replica(replicas.id(), claims, replicas.holdsClaims(),
                replicas.config().lease().toSeconds());
        return new Report(ok ? "up" : "down", true, ok, new Check(ok, Math.round(ms * 100) / 100.0), up, self, all);
    }
}
