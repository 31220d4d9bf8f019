package io.phonectl.client.cucm;

import io.phonectl.cucm.TypeModel;
import io.phonectl.cucm.axl.AxlPhone;
import io.phonectl.cucm.axl.ChangeBatch;
import io.phonectl.cucm.axl.ListChange;
import io.phonectl.cucm.ris.CmDevice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds a cluster's phones where they are registered: the configured phones from AXL (listPhone page by page, line 1
 * numbers from one SQL query split when too large), then RisPort70 by name within the rate limit, merged by the
 * latest TimeStamp. {@link #sync} does the same incrementally from the AXL change queue. A library API: the clock and
 * the sleeper are injected, progress goes to a listener, results are values. One run at a time per instance. RisPort
 * requests pass a {@link RateGate} of the instance's own, or one given to it that other discoveries of the same cluster
 * share (the limit is the cluster's).
 */
public final class CucmDiscovery implements AutoCloseable {

    static final List<String> OBJECTS = List.of("Phone");

    private final CucmTransport transport;
    private final Clock clock;
    private final RateGate gate;

    public CucmDiscovery(CucmClientConfig config) {
        this(config, Clock.systemUTC(), RateGate.Sleeper.real());
    }

    /** With a gate of its own at {@code config.risPerMinute()}. */
    public CucmDiscovery(CucmClientConfig config, Clock clock, RateGate.Sleeper sleeper) {
        this(config, clock, new RateGate(config.risPerMinute(), clock, sleeper));
    }

    /** With a gate shared with other discoveries of the same cluster ({@code config.risPerMinute()} is not used). */
    public CucmDiscovery(CucmClientConfig config, Clock clock, RateGate gate) {
        this.transport = new CucmTransport(config);
        this.clock = clock;
        this.gate = gate;
    }

    /**
     * A full discovery.
     *
     * @param keep which configured phones to ask RisPort about, judged on AXL's data alone (status and address are
     *             still empty); {@code p -> true} for all
     */
    public DiscoveryResult discover(Predicate<DiscoveredPhone> keep, DiscoveryListener listener)
            throws InterruptedException {
        Instant start = clock.instant();
        AxlClient axl = new AxlClient(transport);
        // the queue position first, so that changes made while discovery runs are seen by the next sync
        listener.phase("AXL change queue", -1);
        ChangeBatch.QueueInfo queue = axl.changes(ListChange.first(OBJECTS)).queue();
        listener.phase("AXL phones", -1);
        List<AxlPhone> phones = axl.listPhones(listener);
        listener.phase("AXL lines", phones.size());
        Map<String, String> dns = axl.lineOneNumbers(listener);
        List<AxlPhone> complete = new ArrayList<>();
        for (AxlPhone p : phones) {
            String dn = dns.get(p.name());
            complete.add(new AxlPhone(p.uuid(), p.name(), p.description(), p.product(), p.model(), p.phoneClass(),
                    p.protocol(), p.devicePoolName(), dn == null ? List.of() : List.of(new AxlPhone.Line(1, dn, ""))));
        }
        SyncState state = new SyncState(transport.config().host(), queue.queueId(), queue.lastChangeId() + 1, complete);
        return registration(state, keep, listener, axl.requests(), start);
    }

    /** Asks RisPort about the state's phones and merges. */
    private DiscoveryResult registration(SyncState state, Predicate<DiscoveredPhone> keep, DiscoveryListener listener,
                                         int axlRequests, Instant start) throws InterruptedException {
        List<DiscoveredPhone> configured = state.phones().stream().map(p -> merge(p, List.of())).filter(keep).toList();
        RisClient ris = new RisClient(transport, gate);
        Map<String, List<RisClient.NodeDevice>> seen = ris.devices(configured.stream().map(DiscoveredPhone::name).toList(), listener);
        Map<String, AxlPhone> byName = new LinkedHashMap<>();
        state.phones().forEach(p -> byName.put(RisClient.key(p.name()), p));
        List<DiscoveredPhone> out = new ArrayList<>();
        for (DiscoveredPhone c : configured) {
            out.add(merge(byName.get(RisClient.key(c.name())), seen.getOrDefault(RisClient.key(c.name()), List.of())));
        }
        return new DiscoveryResult(out, state, axlRequests, ris.requests(), ris.truncatedAnswers(), ris.waited(),
                Duration.between(start, clock.instant()));
    }

    /** The configured phone with its latest RisPort entry (a Registered entry wins a tie). */
    static DiscoveredPhone merge(AxlPhone p, List<RisClient.NodeDevice> items) {
        RisClient.NodeDevice newest = items.stream().max(Comparator.comparingLong((RisClient.NodeDevice d) ->
                d.device().timeStamp()).thenComparing(d -> "Registered".equals(d.device().status()))).orElse(null);
        CmDevice latest = newest == null ? null : newest.device();
        String catalog = TypeModel.byCucmName(p.model()).map(TypeModel::catalogName).orElse("");
        String dn = p.primaryDn() != null ? p.primaryDn() : latest != null ? latest.number() : null;
        if (latest == null) {
            return new DiscoveredPhone(p.name(), p.uuid(), nz(p.description()), nz(p.model()), catalog,
                    nz(p.devicePoolName()), nz(dn), nz(p.protocol()), DiscoveredPhone.NOT_FOUND, 0, "", "", 0,
                    "Unknown", "");
        }
        return new DiscoveredPhone(p.name(), p.uuid(), nz(p.description()), nz(p.model()), catalog,
                nz(p.devicePoolName()), nz(dn), nz(p.protocol()), latest.status(), latest.statusReason(),
                nz(latest.ipv4()), newest.node(), latest.timeStamp(), latest.httpd(), nz(latest.activeLoadId()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * An incremental sync from a previous state: the changes since then (added and updated phones read again with
     * getPhone, removed ones dropped), then RisPort for every configured phone (addresses change without any AXL
     * change). When the queue is gone (AXL restarted, or the changes were dropped) it falls back to a full discovery.
     */
    public SyncOutcome sync(SyncState previous, Predicate<DiscoveredPhone> keep, DiscoveryListener listener)
            throws InterruptedException {
        Instant start = clock.instant();
        AxlClient axl = new AxlClient(transport);
        Map<String, AxlPhone> byUuid = new LinkedHashMap<>();
        previous.phones().forEach(p -> byUuid.put(SyncState.canonicalUuid(p.uuid()), p));
        Map<String, String> lastAction = new LinkedHashMap<>();
        long next = previous.nextChangeId();
        String queueId = previous.queueId();
        int read = 0;
        listener.phase("AXL changes", -1);
        try {
            while (true) {
                ChangeBatch b = axl.changes(new ListChange(next, queueId, OBJECTS));
                for (ChangeBatch.Change c : b.changes()) {
                    if (c.type().equalsIgnoreCase("Phone")) {
                        lastAction.merge(SyncState.canonicalUuid(c.uuid()), c.action(),
                                (was, now) -> was.equals("a") && !now.equals("r") ? "a" : now);
                        read++;
                    }
                }
                next = b.queue().nextStartChangeId();
                queueId = b.queue().queueId();
                if (!b.more()) {
                    break;
                }
            }
        } catch (CucmClientException.Fault f) {
            DiscoveryResult full = discover(keep, listener);
            return new SyncOutcome(full, List.of(), List.of(), List.of(), read, true,
                    "the change queue cannot be used (" + f.fault().message() + ")");
        }
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        listener.phase("AXL getPhone for changed phones", lastAction.size());
        for (Map.Entry<String, String> e : lastAction.entrySet()) {
            AxlPhone before = byUuid.get(e.getKey());
            if (e.getValue().equals("r")) {
                if (before != null) {
                    byUuid.remove(e.getKey());
                    removed.add(before.name());
                }
                continue;
            }
            var now = axl.phoneByUuid(e.getKey());
            if (now.isEmpty()) {
                if (before != null) {
                    byUuid.remove(e.getKey());
                    removed.add(before.name());
                }
                continue;
            }
            byUuid.put(e.getKey(), now.get());
            (before == null ? added : updated).add(now.get().name());
        }
        SyncState state = new SyncState(previous.cluster(), queueId, next, new ArrayList<>(byUuid.values()));
        DiscoveryResult result = registration(state, keep, listener, axl.requests(), start);
        return new SyncOutcome(result, added, updated, removed, read, false, "");
    }

    @Override
    public void close() {
        transport.close();
    }
}
