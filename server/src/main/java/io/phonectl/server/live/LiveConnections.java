package io.phonectl.server.live;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.xapi.XapiClients;
import io.phonectl.client.xapi.XapiTransport;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.db.Database;
import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceSelector;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.event.EventService;
import io.phonectl.server.event.NewEvent;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One WebSocket per managed xAPI device (RoomOS and PhoneOS devices with a credential set), kept in step with the
 * registry: what they report becomes events ({@code device.connected}, {@code device.disconnected},
 * {@code device.status}, {@code device.xapi-event}) and the mirrored status of each device's last known state
 * ({@code device_live}, written at most once a second per device). Jobs send xAPI commands and configuration changes
 * over a device's connection when it is up ({@link #transport}).
 */
public final class LiveConnections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveConnections.class);
    static final int MAX_EVENT_CHARS = 4000;

    /**
     * A device's live view.
     *
     * @param detail why this process cannot connect to it now (null when connected or not known here)
     */
    public record Live(long deviceId, Boolean connected, Instant since, JsonNode status, Instant updatedAt,
                       String detail) {
    }

    private record Key(String address, String credentials, String user) {
    }

    private final LiveConfig config;
    private final DeviceService devices;
    private final CredentialService credentials;
    private final EventService events;
    private final InstantSource clock;
    private final LiveStore store;
    private final Map<Long, LiveDevice> open = new ConcurrentHashMap<>();
    private final Map<Long, Key> keys = new ConcurrentHashMap<>();
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private final List<BiConsumer<Long, JsonNode>> eventListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("live-connections").factory());
    private final LiveDevice.Sink sink = new DeviceSink();
    /** The Jetty clients and threads every live device's WebSocket shares. */
    private final XapiClients xapi = new XapiClients("live-xapi");
    private final XsiPoller poller;

    public LiveConnections(LiveConfig config, Database db, DeviceService devices, CredentialService credentials,
                           EventService events, InstantSource clock) {
        this.config = config;
        this.devices = devices;
        this.credentials = credentials;
        this.events = events;
        this.clock = clock;
        this.store = new LiveStore(db);
        this.poller = config.pollPeriod().isZero() ? null : new XsiPoller(db, this, clock,
                config.pollPeriod().toSeconds(), config.refresh());
    }

    public void start() {
        if (config.enabled()) {
            timer.scheduleWithFixedDelay(this::refreshQuietly, 0, config.refresh().toMillis(), TimeUnit.MILLISECONDS);
        }
        timer.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
        if (poller != null) {
            poller.start();
        }
    }

    /** Reads the registry again now: connects new xAPI devices, reconnects changed ones, drops removed ones. */
    public void refresh() {
        Map<Long, Key> wanted = new HashMap<>();
        Map<Long, Device> byId = new HashMap<>();
        devices.forEach(DeviceSelector.parse("live", "kind=roomos,phoneos"), d -> {
            if (d.credentials() != null) {
                wanted.put(d.id(), new Key(d.address(), d.credentials(), d.user()));
                byId.put(d.id(), d);
            }
        });
        for (Long id : List.copyOf(open.keySet())) {
            if (!java.util.Objects.equals(wanted.get(id), keys.get(id))) {
                drop(id);
            }
        }
        wanted.forEach((id, key) -> {
            if (!open.containsKey(id)) {
                Device d = byId.get(id);
                Credentials c = credentials.idByName(d.credentials()).map(credentials::resolve).orElse(null);
                if (c != null) {
                    LiveDevice live = new LiveDevice(id, d.name(), d.address(), d.user().isEmpty() ? c
                            : c.withUser(d.user()), config, xapi, sink, clock);
                    open.put(id, live);
                    keys.put(id, key);
                    live.start();
                }
            }
        });
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("live connections: reading the registry failed: {}", e.toString());
        }
    }

    private void drop(Long id) {
        LiveDevice d = open.remove(id);
        keys.remove(id);
        if (d != null) {
            d.close();
        }
    }

    /** Calls {@code listener(deviceId, event)} for every xAPI event a live device sends (e.g. a prompt's answer). */
    public void onEvent(BiConsumer<Long, JsonNode> listener) {
        eventListeners.add(listener);
    }

    /** The device's connection while it is up (for jobs' commands and configuration changes), else null. */
    public XapiTransport transport(long deviceId) {
        LiveDevice d = open.get(deviceId);
        return d == null ? null : d.client();
    }

    public int connectedCount() {
        return (int) open.values().stream().filter(LiveDevice::connected).count();
    }

    /** The device's live view: from memory when this process holds its connection, else as last stored. */
    public Live view(long deviceId) {
        devices.get(deviceId); // 404 for an unknown device
        LiveDevice d = open.get(deviceId);
        if (d != null) {
            return new Live(deviceId, d.connected(), d.since(), d.status(), clock.instant(),
                    d.connected() ? null : d.lastError());
        }
        return store.get(deviceId).map(r -> new Live(deviceId, r.connected(), r.since(), r.status(), r.updatedAt(),
                        null))
                .orElseThrow(() -> new ApiException.NotFound("live state of device", deviceId));
    }

    void put(long deviceId, Boolean connected, JsonNode status, Instant since) {
        store.put(deviceId, connected, status, since, clock.instant());
    }

    private void flush() {
        for (Long id : List.copyOf(dirty)) {
            dirty.remove(id);
            LiveDevice d = open.get(id);
            if (d != null) {
                try {
                    put(id, d.connected(), d.status(), d.since());
                } catch (RuntimeException e) {
                    LOG.warn("live state of device {} not stored: {}", id, e.toString());
                }
            }
        }
    }

    private final class DeviceSink implements LiveDevice.Sink {
        @Override
        public void connected(LiveDevice d, boolean up) {
            dirty.add(d.deviceId);
            events.appendLater(new NewEvent(up ? "device.connected" : "device.disconnected", null, d.deviceId,
                    "system", Json.mapper().createObjectNode().put("address", d.address)));
        }

        @Override
        public void status(LiveDevice d, JsonNode feedback, boolean current) {
            dirty.add(d.deviceId);
            if (!current) {
                events.appendLater(new NewEvent("device.status", null, d.deviceId, "system", capped(feedback)));
            }
        }

        @Override
        public void event(LiveDevice d, JsonNode event) {
            events.appendLater(new NewEvent("device.xapi-event", null, d.deviceId, "system", capped(event)));
            for (BiConsumer<Long, JsonNode> l : eventListeners) {
                try {
                    l.accept(d.deviceId, event);
                } catch (RuntimeException e) {
                    LOG.warn("an xAPI event listener failed for device {}: {}", d.deviceId, e.toString());
                }
            }
        }
    }

    private static ObjectNode capped(JsonNode n) {
        ObjectNode o = Json.mapper().createObjectNode();
        String s = n.toString();
        if (s.length() > MAX_EVENT_CHARS) {
            return o.put("truncated", s.length() + " characters");
        }
        return n.isObject() ? (ObjectNode) n.deepCopy() : o.set("value", n);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (poller != null) {
            poller.close();
        }
        open.values().forEach(LiveDevice::close);
        xapi.close();
        flush();
        open.clear();
    }
}
