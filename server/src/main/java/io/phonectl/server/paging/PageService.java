package io.phonectl.server.paging;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.paging.PagingConfig;
import io.phonectl.client.paging.PagingReport;
import io.phonectl.client.paging.PagingSession;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceKind;
import io.phonectl.server.device.DeviceSelector;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.group.GroupService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.job.JobTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pages from the service: a stored clip streamed now to the XSI phones of a target by the client's paging engine
 * ({@link PagingSession}: tell each phone to receive, stream in real time, tell each to stop), one result per phone
 * written when it ends. A page runs in this process; {@link #stop} ends it early (every phone is still told to stop).
 */
public final class PageService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageService.class);
    public static final int MAX_PHONES = 10_000;

    /**
     * @param audio  the clip's id
     * @param loops  times the clip is played (1..100, default 1)
     * @param volume 0..100, or null for the phones' own volume
     * @param port   the RTP port phones receive on (even, 20480..32768, default 20480; phones sharing an address, as
     *               simulated ones do, get port + 2, + 4, …)
     */
    public record PageRequest(Long audio, JobTarget target, Integer loops, Integer volume, Integer port) {
    }

    /** A page and, once it ended, its result per phone. */
    public record PageView(long id, Long audio, String state, int total, int loops, Integer volume, String createdBy,
                           Instant createdAt, Instant finishedAt, Double secondsSent, Map<String, Integer> counts,
                           List<Result> results) {
    }

    public record Result(Long deviceId, String name, String status, boolean success, String api, String detail,
                         String target, long packetsSent, boolean stopped, String stopDetail) {
    }

    private final Database db;
    private final AudioService audio;
    private final DeviceService devices;
    private final GroupService groups;
    private final CredentialService credentials;
    private final InstantSource clock;
    private final int basePort;
    private final XsiTransport transport = XsiTransport.start();
    private final Map<Long, PagingSession> running = new ConcurrentHashMap<>();

    public PageService(Database db, AudioService audio, DeviceService devices, GroupService groups,
                       CredentialService credentials, InstantSource clock, int basePort) {
        this.db = db;
        this.audio = audio;
        this.devices = devices;
        this.groups = groups;
        this.credentials = credentials;
        this.clock = clock;
        this.basePort = basePort;
    }

    /** Starts a page now; answers at once with its id (state running). */
    public PageView start(PageRequest r, String actor) {
        if (r.audio() == null) {
            throw new ApiException.Invalid("audio", null, "the id of a stored clip (POST /api/v1/audio)");
        }
        if (r.target() == null) {
            throw new ApiException.Invalid("target", null, "one of all (true), selector, devices, groups");
        }
        byte[] mulaw = audio.mulaw(r.audio());
        int loops = r.loops() == null ? 1 : r.loops();
        PagingConfig config;
        try {
            config = PagingConfig.builder().unicast(r.port() == null ? basePort : r.port()).volume(r.volume())
                    .loops(loops).requestTimeout(Duration.ofSeconds(5)).build();
        } catch (io.phonectl.xsi.XsiValidationException e) {
            // the client's rules name what broke them (loops, volume, port) with their source
            io.phonectl.xsi.Violation v = e.violations().getFirst();
            throw new ApiException.Invalid(v.field().contains("port") ? "port" : v.field(), v.value(),
                    v.rule() + " (source: " + v.source() + ")");
        }
        List<Device> phones = resolve(r.target().checked());
        Map<String, Long> ids = new HashMap<>();
        Map<String, Credentials> creds = new HashMap<>();
        Map<Long, Credentials> opened = new HashMap<>();
        List<PhoneEntry> entries = new ArrayList<>();
        for (Device d : phones) {
            ids.put(d.name(), d.id());
            entries.add(new PhoneEntry(d.name(), PhoneAddress.parse(d.address()), d.model(), d.user(), d.credentials()));
            if (d.credentials() != null) {
                Long set = credentials.idByName(d.credentials()).orElse(null);
                Credentials c = set == null ? null : opened.computeIfAbsent(set, credentials::resolve);
                if (c != null) {
                    creds.put(d.name(), d.user().isEmpty() ? c : c.withUser(d.user()));
                }
            }
        }
        Instant now = clock.instant();
        long id = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO pages (audio_id, state, total, loops, volume, "
                        + "created_by, created_at) VALUES (?, 'running', ?, ?, ?, ?, ?)").bind(0, r.audio())
                .bind(1, entries.size()).bind(2, loops).bind(3, r.volume()).bind(4, actor).bind(5, Sql.ts(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        PagingSession session = PagingSession.builder(transport).phones(new Inventory(entries)).muLawAudio(mulaw)
                .config(config).credentials(e -> creds.get(e.name())).build();
        running.put(id, session);
        Thread.ofVirtual().name("page-" + id).start(() -> run(id, session, ids));
        return get(id);
    }

    private void run(long id, PagingSession session, Map<String, Long> ids) {
        String state = "failed";
        PagingReport report = null;
        try {
            report = session.run();
            state = report.cancelled() ? "stopped" : "done";
        } catch (RuntimeException e) {
            LOG.error("page {} failed", id, e);
        } finally {
            running.remove(id);
            PageStore.finish(db, id, state, report, ids, clock.instant());
        }
    }

    /** Stops a running page: the audio stops and every phone is told to stop; false when it is not running here. */
    public PageView stop(long id) {
        PageView p = get(id);
        PagingSession s = running.get(id);
        if (s == null) {
            throw new ApiException.Conflict("state", p.state(), "a page running in this service process");
        }
        s.cancel();
        return p;
    }

    public PageView get(long id) {
        return PageStore.view(db, id);
    }

    /** The latest pages (1..100), newest first, with counts by status but not each phone's result. */
    public List<PageView> recent(int limit) {
        if (limit < 1 || limit > 100) {
            throw new ApiException.Invalid("limit", limit, "an integer 1..100");
        }
        return PageStore.recent(db, limit);
    }

    /** The XSI phones of the target (xAPI devices do not take RTP pages). */
    private List<Device> resolve(JobTarget t) {
        Set<Long> ids = new LinkedHashSet<>();
        if (Boolean.TRUE.equals(t.all())) {
            ids.addAll(devices.ids(DeviceSelector.ALL));
        } else if (t.selector() != null) {
            ids.addAll(devices.ids(DeviceSelector.parse("target.selector", t.selector())));
        } else if (t.devices() != null) {
            ids.addAll(t.devices());
        } else {
            t.groups().forEach(g -> ids.addAll(groups.deviceIds(g)));
        }
        List<Device> out = new ArrayList<>();
        for (long id : ids) {
            Device d = devices.get(id);
            if (d.kind() == DeviceKind.XSI) {
                out.add(d);
            }
        }
        if (out.isEmpty() || out.size() > MAX_PHONES) {
            throw new ApiException.Invalid("target", out.size() + " XSI phones", "1.." + MAX_PHONES + " XSI phones");
        }
        return out;
    }

    @Override
    public void close() {
        running.values().forEach(PagingSession::cancel);
        for (PagingSession s : running.values()) {
            try {
                s.awaitFinished(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        transport.close();
    }

}
