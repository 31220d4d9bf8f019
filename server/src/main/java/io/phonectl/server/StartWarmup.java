package io.phonectl.server;

import io.phonectl.server.http.Json;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.security.KeyStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Loads, on a second core, the libraries a start needs after the database: while the main thread opens H2 (or
 * PostgreSQL) and migrates, this thread loads and initializes Flyway's configuration, jdbi, the flight recorder's
 * availability check (jdbi asks at its first statement), Jackson, Jetty's server and client and the JDK's TLS (the
 * default trust store). A restart is mostly class loading (a JFR of one: half of it in {@code Database.open}, then
 * the event section's Jetty server, client and TLS), and class loading runs in parallel.
 *
 * <p>Nothing here has an effect the service depends on: each step only builds and drops objects, so the start is
 * correct whether this thread is early, late or fails (a failure is logged at debug level and ignored).
 */
final class StartWarmup {

    private static final Logger LOG = LoggerFactory.getLogger(StartWarmup.class);

    private StartWarmup() {
    }

    /** Starts the warm-up on a daemon thread of its own; it ends by itself. */
    static void begin() {
        Thread.ofPlatform().daemon().name("phonectl-start-warmup").start(StartWarmup::run);
    }

    /** Runs every step; the names of those that failed (a test checks that none does). */
    static List<String> run() {
        List<String> failed = new ArrayList<>();
        step(failed, "flyway", () -> Flyway.configure().locations("classpath:db/migration"));
        step(failed, "jdbi", () -> Jdbi.create(() -> {
            throw new SQLException("the warm-up never connects");
        }));
        step(failed, "jfr", jdk.jfr.FlightRecorder::isAvailable);
        step(failed, "json", () -> Json.write(Map.of("at", Instant.EPOCH, "n", 1L, "list", List.of("a"))));
        step(failed, "tls", () -> {
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).init((KeyStore) null);
            return SSLContext.getDefault();
        });
        step(failed, "jetty", () -> {
            Server server = new Server();
            server.addConnector(new ServerConnector(server));
            return new HttpClient();
        });
        return failed;
    }

    private static void step(List<String> failed, String what, Callable<?> work) {
        try {
            work.call();
        } catch (Exception | LinkageError e) {
            failed.add(what);
            LOG.debug("start warm-up step {} failed (the start does not depend on it): {}", what, e.toString());
        }
    }
}
