package io.phonectl.server.testing;

import io.phonectl.server.PhonectlServer;
import io.phonectl.server.ServerConfig;
import io.phonectl.server.auth.CreatedToken;
import io.phonectl.server.auth.SecurityConfig;
import io.phonectl.server.auth.User;
import io.phonectl.server.credential.CredentialConfig;
import io.phonectl.server.http.HttpConfig;
import io.phonectl.server.http.Role;

import java.nio.file.Path;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * A service started in-process for one test class: loopback, ephemeral port, a fresh H2 or PostgreSQL database,
 * BCrypt at its lowest cost (tests hash many passwords), a fixed admin password, a movable clock.
 */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "first-admin-password";
    /** A fixed 32-byte master key, for tests only. */
    public static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');

    public final PhonectlServer server;
    public final TestClock clock;
    public final String adminToken;
    private final ServerConfig config;

    private TestServer(PhonectlServer server, TestClock clock, String adminToken, ServerConfig config) {
        this.server = server;
        this.clock = clock;
        this.adminToken = adminToken;
        this.config = config;
    }

    public static TestServer start(Databases db, Path dir) throws Exception {
        return start(db, dir, HttpConfig.loopback(0));
    }

    public static TestServer start(Databases db, Path dir, HttpConfig http) throws Exception {
        return start(db, dir, http, c -> c);
    }

    /** As {@link #start(Databases, Path, HttpConfig)}, with the configuration changed by {@code tweak} (limits). */
    public static TestServer start(Databases db, Path dir, HttpConfig http, UnaryOperator<ServerConfig> tweak)
            throws Exception {
        return start(db, dir, http, tweak, TestClock.atSystemTime());
    }

    /** As above, on this clock ({@link TestClock#running()} for real timings). */
    public static TestServer start(Databases db, Path dir, HttpConfig http, UnaryOperator<ServerConfig> tweak,
                                   TestClock clock) throws Exception {
        ServerConfig config = tweak.apply(ServerConfig.defaults(dir.resolve("data")).withHttp(http)
                .withDatabase(db.fresh(dir))
                .withSecurity(SecurityConfig.defaults().withBcryptCost(4).withAdminPassword(ADMIN_PASSWORD))
                .withCredentials(new CredentialConfig(MASTER_KEY)));
        PhonectlServer server = PhonectlServer.start(config, clock);
        return new TestServer(server, clock, adminToken(server, "test-admin"), config);
    }

    private static String adminToken(PhonectlServer server, String name) {
        User admin = server.services().auth().users().byName("admin").orElseThrow();
        CreatedToken t = server.services().auth().tokens().create(admin.id(), name, Role.ADMIN, null);
        return t.token();
    }

    /**
     * Stops this service and starts it again on the same configuration and clock (H2: the same file, as after a
     * restart), with a new admin token.
     */
    public TestServer restart() throws Exception {
        close();
        PhonectlServer again = PhonectlServer.start(config, clock);
        return new TestServer(again, clock, adminToken(again, "test-admin-" + System.nanoTime()), config);
    }

    /**
     * A second service on this one's database (a replica: PostgreSQL), in this process, with the same clock, master
     * key and admin token, its own data folder and port.
     */
    public TestServer replica(Path dir) throws Exception {
        ServerConfig c = config;
        ServerConfig other = new ServerConfig(dir.resolve("data"), c.http(), c.database(), c.security(),
                c.credentials(), c.devices(), c.jobs(), c.events(), c.relay(), c.live(), c.paging());
        return new TestServer(PhonectlServer.start(other, clock), clock, adminToken, other);
    }

    /** A new user with this role and a token of theirs. */
    public String tokenFor(String name, Role role) {
        User u = server.services().auth().users().create(name, role, "password-of-" + name, false);
        return server.services().auth().tokens().create(u.id(), name + "-token", role, null).token();
    }

    public Http http() {
        return Http.at(server.uri());
    }

    public Http admin() {
        return http().bearer(adminToken);
    }

    @Override
    public void close() {
        server.close();
    }
}
