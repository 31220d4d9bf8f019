package io.phonectl.server.replica;

import java.time.Duration;
import java.util.Objects;

/**
 * How replicas prove they are alive.
 *
 * @param heartbeat how often a replica writes its heartbeat (default 1 s)
 * @param lease     how long after its last heartbeat a replica's claims are taken over by others (default 30 s):
 *                  longer than any database outage a replica should ride out without its work being redone
 */
public record ReplicaConfig(Duration heartbeat, Duration lease) {

    public ReplicaConfig {
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(lease, "lease");
        if (heartbeat.toMillis() < 50 || heartbeat.toSeconds() > 60) {
            throw new IllegalArgumentException("heartbeat = " + heartbeat + ": must be 50 ms..60 s");
        }
        if (lease.compareTo(heartbeat.multipliedBy(4)) < 0 || lease.toMinutes() > 60) {
            throw new IllegalArgumentException("lease = " + lease + ": must be at least four heartbeats ("
                    + heartbeat.multipliedBy(4) + ") and at most 60 min");
        }
    }

    public static ReplicaConfig defaults() {
        return new ReplicaConfig(Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** How long after its last heartbeat this replica stops acting on its claims: the lease less two beats. */
    public Duration fence() {
        return lease.minus(heartbeat.multipliedBy(2));
    }
}
