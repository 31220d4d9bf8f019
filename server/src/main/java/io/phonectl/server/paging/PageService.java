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
 * ({@link PagingSession}: tell each phone to receive, stream in real time, one stream per phone or one to a multicast
 * group, tell each to stop), then each phone's own reception statistics read ({@link Reception}), and one result per
 * phone written. A page runs in this process; {@link #stop} ends it early (every phone is still told to stop).
 */
public final class PageService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageService.class);
    public static final int MAX_PHONES = 10_000;

    /**
     * @param audio     the clip's id
     * @param loops     times the clip is played (1..100, default 1)
     * @param volume    0..100, or null for the phones' own volume
     * @param port      unicast: the RTP port phones receive on (even, 20480..32768, default the service's base port;
     *                  phones sharing an address, as simulated ones do, get port + 2, + 4, …); absent with multicast
     * @param multicast one stream to a group every phone joins (RTPMRx / startMedia with the group), or null for
     *                  unicast
     */
    public record PageRequest(Long audio, JobTarget target, Integer loops, Integer volume, Integer port,
                              Multicast multicast) {
    }

    /**
     * A multicast group.
     *
     * @param group IPv4 224.0.0.0-239.255.255.255 outside 224.0.0.0/24 (239.x.x.x: administratively scoped)
     * @param port  even, 20480..32768
     * @param ttl   IP_MULTICAST_TTL, 1..255 (default 2)
     */
    public record Multicast(String group, Integer port, Integer ttl) {
    }

    /**
     * A page and, once it ended, its result per phone.
     *
     * @param multicast {@code group:port} of a multicast page, null for unicast
     * @param reception phones by what their own counters said: {@code heard} (counted packets), {@code silent}
     *                  (counted none), {@code unknown} (no statistics could be read); only phones streamed to
     */
    public record PageView(long id, Long audio, String state, int total, int loops, Integer volume, String multicast,
                           Integer ttl, String createdBy, Instant createdAt, Instant finishedAt, Double secondsSent,
                           Map<String, Integer> counts, Map<String, Integer> reception, List<Result> results) {
    }

    public record Result(Long deviceId, String name, String status, boolean success, String api, String detail,
                         String target, long packetsSent, boolean stopped, String stopDetail,
                         Reception.Stats reception) {
    }

    private final Database db;
    private final AudioService audio;
    private final DeviceService devices;
    private final GroupService groups;
    private final CredentialService credentials;
    private final InstantSource clock;
    private final PageSettings settings;
    private final XsiTransport transport = XsiTransport.start();
    private final Reception reception = new Reception(transport);
    private final Map<Long, PagingSession> running = new ConcurrentHashMap<>();

    public PageService(Database db, AudioService audio, DeviceService devices, GroupService groups,
                       CredentialService credentials, InstantSource clock, PageSettings settings) {
        this.db = db;
        this.audio = audio;
        this.devices = devices;
        this.groups = groups;
        this.credentials = credentials;
        this.clock = clock;
        this.settings = settings;
    }

    /** Checks a request as {@link #start} would (clip, target's shape, settings), without starting anything. */
    public void check(PageRequest r) {
        PageRules.config(r, settings);
        audio.get(r.audio());
    }

    /** Starts a page now; answers at once with its id (state running). */
    public PageView start(PageRequest r, String actor) {
        PagingConfig config = PageRules.config(r, settings);
        byte[] mulaw = audio.mulaw(r.audio());
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
        String group = config.multicast() ? config.multicastGroup().getAddress().getHostAddress() + ":"
                + config.multicastGroup().getPort() : null;
        long id = PageStore.create(db, r, entries.size(), config.loops(), group,
                config.multicast() ? config.multicastTtl() : null, actor, clock.instant());
        PagingSession session = PagingSession.builder(transport).phones(new Inventory(entries)).muLawAudio(mulaw)
                .config(config).credentials(e -> creds.get(e.name())).build();
        running.put(id, session);
        Thread.ofVirtual().name("page-" + id).start(() -> run(id, session, ids, creds));
        return get(id);
    }

    private void run(long id, PagingSession session, Map<String, Long> ids, Map<String, Credentials> creds) {
        String state = "failed";
        PagingReport report = null;
        Map<String, Reception.Stats> heard = Map.of();
        try {
            report = session.run();
            state = report.cancelled() ? "stopped" : "done";
            heard = reception.read(report.results(), creds::get);
        } catch (RuntimeException e) {
            LOG.error("page {} failed", id, e);
        } finally {
            running.remove(id);
            PageStore.finish(db, id, state, report, ids, heard, clock.instant());
        }
    }

    /** Stops a running page: the audio stops and every phone is told to stop; 409 when it is not running here. */
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
