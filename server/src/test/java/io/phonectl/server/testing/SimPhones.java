package io.phonectl.server.testing;

import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.phone.PhoneEvent;
import io.phonectl.sim.phone.SimPhone;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simulated phones (the simulator in this JVM, loopback, ephemeral ports, one user) registered with a
 * test server through its API: a credential set, and a CSV import of the phones that refers to it.
 */
public final class SimPhones implements AutoCloseable {

    public static final String USER = "admin";
    /** Distinctive, so the tests that grep every answer for secrets would find it. */
    public static final String PASSWORD = "sim-phone-secret-4711";

    private final FleetHost host;
    private final Map<Long, SimPhone> byDevice = new HashMap<>();
    private final List<Long> ids = new ArrayList<>();

    private SimPhones(FleetHost host) {
        this.host = host;
    }

    /** {@code n} phones of these models in turn (empty = every model). */
    public static SimPhones start(int n, List<String> models) throws Exception {
        return new SimPhones(FleetHost.start(SimConfig.ephemeral(n, models).withUsers(Map.of(USER, PASSWORD))));
    }

    /** As {@link #start(int, List)}, with phones that answer late or never accept a connection. */
    public static SimPhones start(int n, List<String> models, io.phonectl.sim.host.Impairments impairments)
            throws Exception {
        return new SimPhones(FleetHost.start(SimConfig.ephemeral(n, models).withUsers(Map.of(USER, PASSWORD)),
                java.time.Clock.systemUTC(), impairments));
    }

    /**
     * {@code n} phones in authentication-URL mode: they ask {@code authUrl} (GET, or POST with {@code post}) whether
     * the Basic credentials of each request are good, as phones managed by a CUCM do.
     */
    public static SimPhones startWithAuthUrl(int n, List<String> models, java.net.URI authUrl, boolean post)
            throws Exception {
        return new SimPhones(FleetHost.start(SimConfig.ephemeral(n, models).withAuthUrl(authUrl, post)));
    }

    /**
     * Registers the phones as devices named as the phones call themselves ({@code SEP…}, the {@code devicename}
     * they send their authentication URL), with credential set {@code credentials}.
     */
    public SimPhones registerByPhoneName(Http admin, String credentials) {
        return register(admin, SimPhone::name, credentials);
    }

    /**
     * Registers the phones with the server as devices {@code prefix-<i>} that use credential set {@code credentials}
     * (created when absent).
     */
    public SimPhones register(Http admin, String prefix, String credentials) {
        return register(admin, p -> prefix + "-" + p.index(), credentials, host.phones().size());
    }

    /**
     * As {@link #register(Http, String, String)}, the first {@code count} phones only (a test that needs a few of a
     * large fleet's phones does not import them all).
     */
    public SimPhones register(Http admin, String prefix, String credentials, int count) {
        return register(admin, p -> prefix + "-" + p.index(), credentials, count);
    }

    private SimPhones register(Http admin, java.util.function.Function<SimPhone, String> naming, String credentials) {
        return register(admin, naming, credentials, host.phones().size());
    }

    private SimPhones register(Http admin, java.util.function.Function<SimPhone, String> naming, String credentials,
                               int count) {
        List<SimPhone> registered = host.phones().subList(0, count);
        if (admin.get("/api/v1/credentials").body().indexOf("\"" + credentials + "\"") < 0) {
            Http.Answer c = admin.post("/api/v1/credentials", Map.of("name", credentials, "user", USER,
                    "secret", PASSWORD));
            assertThat(c.status()).as(c.body()).isEqualTo(201);
        }
        StringBuilder csv = new StringBuilder("name,address,model,user,credentials\n");
        for (SimPhone p : registered) {
            csv.append(naming.apply(p)).append(",127.0.0.1:").append(p.address().getPort())
                    .append(',').append(p.model().headerName()).append(",,").append(credentials).append('\n');
        }
        Http.Answer a = admin.send("POST", "/api/v1/devices/import", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        byDevice.clear();
        ids.clear();
        Map<String, SimPhone> byName = new HashMap<>();
        registered.forEach(p -> byName.put(naming.apply(p), p));
        String cursor = null;
        do {
            JsonNode page = admin.get("/api/v1/devices?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode d : page.get("items")) {
                SimPhone p = byName.get(d.get("name").asString());
                if (p != null) {
                    byDevice.put(d.get("id").asLong(), p);
                    ids.add(d.get("id").asLong());
                }
            }
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        } while (cursor != null);
        assertThat(ids).hasSize(registered.size());
        return this;
    }

    public List<Long> deviceIds() {
        return ids;
    }

    public SimPhone phone(long deviceId) {
        return byDevice.get(deviceId);
    }

    public FleetHost host() {
        return host;
    }

    /** How many pushes this phone executed whose URL or root element is {@code what}. */
    public static long received(SimPhone p, Predicate<String> what) {
        return p.history().executed().stream().map(PhoneEvent::what).filter(what).count();
    }

    /** Per registered device, how many pushes its phone executed whose URL or root element is {@code what}. */
    public Map<Long, Long> receivedByDevice(Predicate<String> what) {
        Map<Long, Long> out = new HashMap<>();
        for (long d : ids) {
            out.put(d, received(byDevice.get(d), what));
        }
        return out;
    }

    @Override
    public void close() {
        host.close();
    }
}
