package io.phonectl.server.replica;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Dialect;
import io.phonectl.server.db.Sql;
import io.phonectl.server.db.Writes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * This process as one replica of the service, and the others as the database sees them. The replica heartbeats
 * into {@code replicas} (the database's clock, so replicas on different machines need no synchronised clocks);
 * another replica may take over its job items once its heartbeat is older than the lease. The replica fences
 * itself: it sends nothing it claimed unless its own last heartbeat is younger than the lease minus two beats, so
 * by the time others may take over, it has stopped sending.
 *
 * <p>On H2 (an embedded file only this process can open) every other replica row is a dead process of the past:
 * they are marked stopped at start, so what they left in flight is resumed at once instead of after the lease.
 */
public final class Replicas implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Replicas.class);

    /**
     * A replica as {@code /health} shows it.
     *
     * @param claims job items this replica holds in flight (claimed, not yet final)
     */
    public record Replica(String id, String host, long pid, Instant startedAt, Instant heartbeatAt, Instant stoppedAt,
                          boolean alive, long claims) {
    }

    private final Database db;
    private final ReplicaConfig config;
    /**
     * {@link ReplicaConfig#fence()} in nanoseconds, computed once: {@link #holdsClaims()} is asked at every turn of a
     * job run's claim loop (about once per item), and the fence's {@code Duration} arithmetic goes through BigDecimal.
     */
    private final long fenceNanos;
    private final String id;
    private final Thread beater;
    private volatile long lastBeat;
    private volatile boolean closed;
    private boolean failing;

    private Replicas(Database db, ReplicaConfig config, String id) {
        this.db = db;
        this.config = config;
        this.fenceNanos = config.fence().toNanos();
        this.id = id;
        long t0 = System.nanoTime();
        db.jdbi().useHandle(h -> {
            if (db.dialect() == Dialect.H2) {
                h.createUpdate("UPDATE replicas SET stopped_at = CURRENT_TIMESTAMP WHERE stopped_at IS NULL").execute();
            }
            h.createUpdate("INSERT INTO replicas (id, host, pid, started_at, heartbeat_at) VALUES (?, ?, ?, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").bind(0, id).bind(1, hostName())
                    .bind(2, ProcessHandle.current().pid()).execute();
        });
        this.lastBeat = t0;
        this.beater = Thread.ofPlatform().daemon().name("phonectl-replica-heartbeat").unstarted(this::beat);
    }

    /** Registers this process as a new replica and starts heartbeating. */
    public static Replicas start(Database db, ReplicaConfig config) {
        String id = "r-" + ProcessHandle.current().pid() + "-" + HexFormat.of().toHexDigits(
                ThreadLocalRandom.current().nextInt());
        Replicas r = new Replicas(db, config, id);
        r.beater.start();
        return r;
    }

    /** This replica's id: what {@code job_items.claimed_by} and {@code /health} show. */
    public String id() {
        return id;
    }

    public ReplicaConfig config() {
        return config;
    }

    /**
     * Whether this replica may still act on its claims: its last heartbeat is younger than the lease minus two
     * beats. False while the database has been unreachable that long; true again after the next heartbeat.
     */
    public boolean holdsClaims() {
        return !closed && System.nanoTime() - lastBeat < fenceNanos;
    }

    /**
     * An SQL condition that is true when the replica named in {@code column} is alive (heartbeat within the lease,
     * not stopped), evaluated on the database's clock. The lease is this process's configuration (a number, never
     * user input), written as a literal both H2 and PostgreSQL read.
     */
    public String aliveSql(String column) {
        return "EXISTS (SELECT 1 FROM replicas lv WHERE lv.id = " + column + " AND lv.stopped_at IS NULL AND "
                + "lv.heartbeat_at >= CURRENT_TIMESTAMP - INTERVAL '" + seconds(config.lease()) + "' SECOND)";
    }

    /** Every replica the database knows that is alive or stopped or died within the last hour, newest first. */
    public List<Replica> list() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT r.*, " + aliveSql("r.id") + " AS alive, "
                        + "(SELECT count(*) FROM job_items i JOIN jobs j ON j.id = i.job_id WHERE j.state = 'running' "
                        + "AND i.state = 'in_flight' AND i.claimed_by = r.id) AS claims FROM replicas r "
                        + "WHERE r.heartbeat_at >= CURRENT_TIMESTAMP - INTERVAL '3600' SECOND "
                        + "ORDER BY r.started_at DESC, r.id")
                .map((rs, ctx) -> new Replica(rs.getString("id"), rs.getString("host"), rs.getLong("pid"),
                        Sql.instant(rs, "started_at"), Sql.instant(rs, "heartbeat_at"), Sql.instant(rs, "stopped_at"),
                        rs.getBoolean("alive"), rs.getLong("claims")))
                .list());
    }

    private void beat() {
        while (!closed) {
            long t0 = System.nanoTime();
            try {
                // the replicas table alone, which no devices page reads
                int n = Writes.uncounted(() -> db.jdbi().withHandle(h -> h.createUpdate("UPDATE replicas SET "
                        + "heartbeat_at = CURRENT_TIMESTAMP WHERE id = ? AND stopped_at IS NULL").bind(0, id).execute()));
                if (n == 1) {
                    lastBeat = t0;
                    if (failing) {
                        LOG.info("replica {}: heartbeat written again", id);
                        failing = false;
                    }
                } else {
                    LOG.error("replica {}: its row was marked stopped by another process; it holds no claims", id);
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warn("replica {}: heartbeat failed ({}); claims are kept for {} and then given up", id,
                            e.getClass().getSimpleName(), config.fence());
                    failing = true;
                }
            }
            long wait = config.heartbeat().toNanos() - (System.nanoTime() - t0);
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Stops heartbeating and marks this replica stopped: what it still holds is taken over at once. */
    @Override
    public void close() {
        closed = true;
        beater.interrupt();
        try {
            beater.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE replicas SET stopped_at = CURRENT_TIMESTAMP WHERE id = ?")
                    .bind(0, id).execute());
        } catch (RuntimeException e) {
            LOG.warn("replica {}: could not mark itself stopped ({}); its claims lapse after {}", id, e.toString(),
                    config.lease());
        }
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%d.%03d", d.toSeconds(), d.toMillisPart());
    }

    private static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h.length() > 255 ? h.substring(0, 255) : h;
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
