package io.phonectl.server.live;

import io.phonectl.client.xsi.DevicePage;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.QueryResult;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.server.db.Database;
import io.phonectl.server.http.Json;
import io.phonectl.xsi.device.DeviceInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The paced status poll of XSI phones: once a second, the phones whose id falls on this second of the period
 * ({@code id mod periodSeconds}) have their DeviceInformationX read (no credentials, nothing shown), so every phone
 * is read once per period and consecutive ids are a second apart. What was read, or why not, is the phone's row in
 * {@code device_live} (its jobs' last outcome is left alone).
 *
 * <p>The phones' ids and addresses are read from the registry at most once per {@code rereadEvery} (the live
 * connections' registry refresh), not on every tick: finding a second's few phones by {@code id mod period} reads
 * every device's row, and once a second over 10,000 devices that scan was 2 % of a JobBench run's CPU samples and up
 * to 5.6 % of a job's (its pages pushed out of H2's cache by the job's writes; docs/BENCHMARKS.md).
 */
final class XsiPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(XsiPoller.class);
    /** Reads in flight at once, whatever falls on one second. */
    static final int MAX_IN_FLIGHT = 64;

    private final Database db;
    private final LiveConnections live;
    private final InstantSource clock;
    private final long periodSeconds;
    private final long rereadNanos;
    /** The XSI phones by slot ({@code id mod periodSeconds}); used by the timer's thread alone ({@link #due}). */
    private Map<Long, List<Map.Entry<Long, String>>> roster;
    private long rosterReadAt;
    private final XsiTransport transport = XsiTransport.start();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("xsi-poll").factory());

    XsiPoller(Database db, LiveConnections live, InstantSource clock, long periodSeconds, Duration rereadEvery) {
        this.db = db;
        this.live = live;
        this.clock = clock;
        this.periodSeconds = periodSeconds;
        this.rereadNanos = rereadEvery.toNanos();
    }

    void start() {
        timer.scheduleAtFixedRate(this::tickQuietly, 1, 1, TimeUnit.SECONDS);
    }

    private void tickQuietly() {
        try {
            tick(clock.instant().getEpochSecond() % periodSeconds);
        } catch (RuntimeException e) {
            LOG.warn("xsi poll: {}", e.toString());
        }
    }

    /** Reads the phones of slot {@code slot} (0..period-1); returns how many were started. */
    int tick(long slot) {
        List<Map.Entry<Long, String>> due = due(slot);
        // one line per tick for the phones left over, not one per phone: a fleet of dead phones would flood the log
        int skipped = 0;
        long firstSkipped = 0;
        for (Map.Entry<Long, String> d : due) {
            if (!inFlight.tryAcquire()) {
                if (skipped++ == 0) {
                    firstSkipped = d.getKey();
                }
                continue;
            }
            Thread.ofVirtual().start(() -> {
                try {
                    read(d.getKey(), d.getValue());
                } finally {
                    inFlight.release();
                }
            });
        }
        if (skipped > 0) {
            LOG.warn("xsi poll: {} reads still in flight; {} phone(s) of this second (first id {}) wait for their next "
                    + "turn", MAX_IN_FLIGHT, skipped, firstSkipped);
        }
        return due.size();
    }

    /**
     * The phones (id, address) of slot {@code slot}, from the registry as read at most {@code rereadEvery} ago: a
     * phone added since is polled once the registry is read again, a phone deleted since is read once more (its
     * {@code device_live} row is not written: {@link LiveStore#put}).
     */
    List<Map.Entry<Long, String>> due(long slot) {
        long now = System.nanoTime();
        if (roster == null || now - rosterReadAt >= rereadNanos) {
            roster = db.jdbi().withHandle(h -> h.createQuery("SELECT id, address FROM devices WHERE kind = 'xsi'")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                    .collect(Collectors.groupingBy(e -> e.getKey() % periodSeconds)));
            rosterReadAt = now;
        }
        return roster.getOrDefault(slot, List.of());
    }

    private void read(long id, String address) {
        Instant now = clock.instant();
        ObjectNode status = Json.mapper().createObjectNode().put("polledAt", now.toString());
        Boolean reachable;
        try {
            QueryResult<DeviceInformation> r = XsiClient.of(transport, PhoneAddress.parse(address), null)
                    .page(DevicePage.DEVICE);
            switch (r) {
                case QueryResult.Ok<DeviceInformation> ok -> {
                    reachable = true;
                    status.set("device", Json.mapper().valueToTree(ok.value()));
                }
                case QueryResult.Failed<DeviceInformation> f -> {
                    reachable = switch (f.outcome().kind()) {
                        case REFUSED, UNREACHABLE, TIMED_OUT -> false;
                        default -> true;
                    };
                    status.put("outcome", f.outcome().kind().name()).put("detail", f.outcome().detail());
                }
            }
        } catch (IllegalArgumentException e) {
            reachable = null;
            status.put("outcome", "INVALID").put("detail", e.getMessage());
        }
        live.put(id, reachable, status, now);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        transport.close();
    }
}
