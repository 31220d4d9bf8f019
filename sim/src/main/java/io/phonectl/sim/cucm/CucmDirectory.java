package io.phonectl.sim.cucm;

import io.phonectl.cucm.TypeModel;
import io.phonectl.cucm.axl.AxlPhone;
import io.phonectl.cucm.axl.ChangeBatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The simulated cluster's data: the configured phones (what AXL answers from), what each CM node knows of their
 * registration (what RisPort answers from), and the change queue. Every change a test or the inspection API makes
 * goes through here, so AXL, RisPort and listChange always agree. Thread-safe (one lock).
 */
public final class CucmDirectory {

    /** CcmDevUnregCauseCode 13, what a phone that stopped answering shows. */
    public static final int KEEPALIVE_TIMEOUT = 13;
    /** CcmDevFailCauseCode 5, a registration refused because the device limit was reached. */
    public static final int MAX_DEV_REG_REACHED = 5;

    private final Clock clock;
    private final List<String> nodes;
    private final Map<String, CucmPhone> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, CucmPhone> byUuid = new LinkedHashMap<>();
    private final ChangeQueue changes;

    public CucmDirectory(List<String> nodes, Clock clock, int changeCapacity, int changesPerAnswer) {
        this.nodes = List.copyOf(nodes);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = new ChangeQueue(changeCapacity, changesPerAnswer);
    }

    public static CucmDirectory of(CucmConfig config, Clock clock) {
        return new CucmDirectory(config.nodes(), clock, config.changeCapacity(), config.changesPerAnswer());
    }

    /** What to configure: {@code model} is a catalog or CUCM model name; {@code ip} may be null (never registered). */
    public record PhoneSpec(String name, String description, String model, String protocol, String devicePool,
                            String dn, String ip) {
    }

    public List<String> nodes() {
        return nodes;
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    private static String canonicalUuid(String uuid) {
        return uuid.replace("{", "").replace("}", "").strip().toLowerCase(Locale.ROOT);
    }

    private CucmPhone require(String name) {
        CucmPhone p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no configured phone named " + name);
        }
        return p;
    }

    private String requireNode(String node) {
        if (!nodes.contains(node)) {
            throw new IllegalArgumentException("node \"" + node + "\": the cluster's nodes are " + nodes);
        }
        return node;
    }

    // ---- configuration (AXL) ----

    /** Adds a phone (an "a" change, doGet true, as a new object has); returns its uuid. */
    public synchronized String add(PhoneSpec s) {
        if (s.name() == null || !s.name().matches("[A-Za-z0-9._-]{1,50}")) {
            throw new IllegalArgumentException("name \"" + s.name() + "\": 1..50 letters, digits, '.', '_' or '-'");
        }
        if (byName.containsKey(s.name())) {
            throw new IllegalArgumentException("a phone named " + s.name() + " is already configured");
        }
        TypeModel model = TypeModel.byCatalogName(s.model()).or(() -> TypeModel.byCucmName(s.model()))
                .orElseThrow(() -> new IllegalArgumentException("model \"" + s.model()
                        + "\": not in the typemodel table (e.g. CP-8845 or Cisco 8845)"));
        String uuid = UUID.randomUUID().toString();
        CucmPhone p = new CucmPhone(uuid, s.name(), s.description() == null ? "" : s.description(), model,
                s.protocol() == null ? "SIP" : s.protocol(), s.devicePool() == null ? "Default" : s.devicePool(),
                s.dn(), "sim-" + model.catalogName().toLowerCase(Locale.ROOT) + ".1-0-0", s.ip());
        byName.put(p.name, p);
        byUuid.put(uuid, p);
        changes.record(uuid, "a", true, Map.of());
        return uuid;
    }

    /** Deletes a configured phone (an "r" change); CM nodes forget it too. */
    public synchronized void remove(String name) {
        CucmPhone p = require(name);
        byName.remove(p.name);
        byUuid.remove(p.uuid);
        changes.record(p.uuid, "r", false, Map.of());
    }

    /**
     * Changes configured fields ({@code description}, {@code devicePoolName}, {@code dn}): a "u" change listing the
     * changed tags, doGet when more than one changed (as the guide describes).
     */
    public synchronized void update(String name, Map<String, String> fields) {
        CucmPhone p = require(name);
        Map<String, String> tags = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            switch (k) {
                case "description" -> p.description = v;
                case "devicePoolName" -> p.devicePool = v;
                case "dn" -> p.dn = v;
                default -> throw new IllegalArgumentException("field \"" + k
                        + "\": one of description, devicePoolName, dn");
            }
            tags.put(k.equals("dn") ? "lines" : k, v);
        });
        if (!tags.isEmpty()) {
            changes.record(p.uuid, "u", tags.size() > 1 || tags.containsKey("lines"), tags);
        }
    }

    /** The AXL service restarted: listChange clients must start over. */
    public synchronized void restartAxl() {
        changes.restart();
    }

    // ---- registration (RisPort) ----

    /** Registers on {@code node} from {@code ip} (null: the last known address); other nodes see it unregister. */
    public synchronized void register(String name, String node, String ip) {
        CucmPhone p = require(name);
        requireNode(node);
        long now = now();
        if (ip != null) {
            p.ip = ip;
        }
        if (p.ip == null) {
            throw new IllegalArgumentException(name + " has no address: give one");
        }
        p.nodes.replaceAll((n, s) -> n.equals(node) || !s.status().equals("Registered") ? s
                : new CucmPhone.NodeState("UnRegistered", KEEPALIVE_TIMEOUT, now - 1, s.ip()));
        p.nodes.put(node, new CucmPhone.NodeState("Registered", 0, now, p.ip));
    }

    /** Unregisters from every node it is registered on, with this StatusReason. */
    public synchronized void unregister(String name, int reason) {
        CucmPhone p = require(name);
        long now = now();
        p.nodes.replaceAll((n, s) -> s.status().equals("Registered")
                ? new CucmPhone.NodeState("UnRegistered", reason, now, s.ip()) : s);
    }

    /** {@code node} refuses the phone's registration. */
    public synchronized void reject(String name, String node, int reason) {
        CucmPhone p = require(name);
        requireNode(node);
        if (p.ip == null) {
            throw new IllegalArgumentException(name + " has no address");
        }
        p.nodes.put(node, new CucmPhone.NodeState("Rejected", reason, now(), p.ip));
    }

    /** The phone got a new address (DHCP) and registered again on the node it was registered with. */
    public synchronized void move(String name, String ip) {
        CucmPhone p = require(name);
        String node = p.nodes.entrySet().stream().filter(e -> e.getValue().status().equals("Registered"))
                .map(Map.Entry::getKey).findFirst().orElse(nodes.getFirst());
        register(name, node, ip);
    }

    /** Turns the phone's web server on or off; RisPort shows it as Httpd Yes/No from the next registration. */
    public synchronized void webAccess(String name, boolean on) {
        require(name).webAccess = on;
    }

    /** Adds a stale entry: {@code node} still remembers the phone as unregistered, older than anything else. */
    public synchronized void staleEntry(String name, String node, long secondsAgo) {
        CucmPhone p = require(name);
        requireNode(node);
        p.nodes.put(node, new CucmPhone.NodeState("UnRegistered", KEEPALIVE_TIMEOUT, now() - secondsAgo, p.ip));
    }

    // ---- reading ----

    public synchronized int size() {
        return byName.size();
    }

    synchronized List<AxlPhone> list(Predicate<AxlPhone> filter) {
        List<AxlPhone> out = new ArrayList<>();
        for (CucmPhone p : byName.values()) {
            AxlPhone a = axl(p);
            if (filter.test(a)) {
                out.add(a);
            }
        }
        return out;
    }

    synchronized Optional<AxlPhone> byName(String name) {
        return Optional.ofNullable(byName.get(name)).map(CucmDirectory::axl);
    }

    synchronized Optional<AxlPhone> byUuid(String uuid) {
        return Optional.ofNullable(byUuid.get(canonicalUuid(uuid))).map(CucmDirectory::axl);
    }

    private static AxlPhone axl(CucmPhone p) {
        List<AxlPhone.Line> lines = p.dn == null ? List.of() : List.of(new AxlPhone.Line(1, p.dn, ""));
        return new AxlPhone("{" + p.uuid.toUpperCase(Locale.ROOT) + "}", p.name, p.description, p.model.cucmName(),
                p.model.cucmName(), "Phone", p.protocol, p.devicePool, lines);
    }

    synchronized ChangeBatch changes(Long start, String queueId, Set<String> objects) {
        return changes.since(start, queueId, objects);
    }

    /** Every (node, phone, state) a CM node knows, node by node in cluster order, phones by name. */
    synchronized List<Seen> seen() {
        List<Seen> out = new ArrayList<>();
        for (String node : nodes) {
            for (CucmPhone p : byName.values()) {
                CucmPhone.NodeState s = p.nodes.get(node);
                if (s != null) {
                    out.add(new Seen(node, p.name, p.dn, p.description, p.model, p.protocol, p.activeLoad, p.webAccess, s));
                }
            }
        }
        return out;
    }

    /** What one node reports about one phone. */
    record Seen(String node, String name, String dn, String description, TypeModel model, String protocol,
                String activeLoad, boolean webAccess, CucmPhone.NodeState state) {
    }

    /** The inspection API's view of one phone. */
    public synchronized Optional<Map<String, Object>> view(String name) {
        CucmPhone p = byName.get(name);
        if (p == null) {
            return Optional.empty();
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", p.name);
        v.put("uuid", p.uuid);
        v.put("model", p.model.cucmName());
        v.put("description", p.description);
        v.put("devicePool", p.devicePool);
        v.put("dn", p.dn);
        v.put("ip", p.ip);
        v.put("webAccess", p.webAccess);
        Map<String, Object> reg = new LinkedHashMap<>();
        p.nodes.forEach((n, s) -> reg.put(n, Map.of("status", s.status(), "reason", s.reason(),
                "timeStamp", s.timeStamp(), "ip", s.ip())));
        v.put("nodes", reg);
        return Optional.of(v);
    }

    public synchronized List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public synchronized Map<String, Object> queueView() {
        return Map.of("queueId", changes.queueId(), "firstChangeId", changes.first(), "lastChangeId", changes.last());
    }
}
