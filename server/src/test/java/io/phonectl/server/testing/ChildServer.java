package io.phonectl.server.testing;

import io.phonectl.server.PhonectlServer;
import io.phonectl.server.ServerConfig;
import io.phonectl.server.auth.SecurityConfig;
import io.phonectl.server.auth.User;
import io.phonectl.server.credential.CredentialConfig;
import io.phonectl.server.db.DatabaseConfig;
import io.phonectl.server.http.HttpConfig;
import io.phonectl.server.http.Role;
import io.phonectl.server.job.JobsConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A service in a process of its own, for tests that kill it: {@code ChildServer DATA READY [JDBC-URL USER]} starts
 * on an ephemeral loopback port (H2 in DATA unless a URL is given), then writes "PORT TOKEN" (a new admin token)
 * to READY, and runs until it is killed or its standard input closes.
 */
public final class ChildServer {

    /** System properties of the child: its replica heartbeat and lease in milliseconds (defaults 1,000 and 30,000). */
    public static final String LEASE_BEAT_MS = "phonectl.test.heartbeatMs";
    public static final String LEASE_MS = "phonectl.test.leaseMs";

    private ChildServer() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path ready = Path.of(args[1]);
        ServerConfig config = ServerConfig.defaults(data).withHttp(HttpConfig.loopback(0))
                .withSecurity(SecurityConfig.defaults().withBcryptCost(4).withAdminPassword(TestServer.ADMIN_PASSWORD))
                .withCredentials(new CredentialConfig(TestServer.MASTER_KEY))
                // thousands of simulated phones share a loaded test machine: slow accepts are not the point here
                .withJobs(JobsConfig.defaults().withConnectTimeout(Duration.ofSeconds(10))
                        .withLease(Duration.ofMillis(Long.getLong(LEASE_BEAT_MS, 1000)),
                                Duration.ofMillis(Long.getLong(LEASE_MS, 30_000))));
        if (args.length > 2) {
            config = config.withDatabase(new DatabaseConfig(args[2], args[3], "", DatabaseConfig.DEFAULT_POOL));
        }
        PhonectlServer server = PhonectlServer.start(config);
        User admin = server.services().auth().users().byName("admin").orElseThrow();
        String token = server.services().auth().tokens().create(admin.id(), "child-" + ProcessHandle.current().pid(),
                Role.ADMIN, null).token();
        Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(tmp, server.uri().getPort() + " " + token, StandardCharsets.US_ASCII);
        Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE);
        while (System.in.read() >= 0) {
            // runs until killed, or until the parent closes our input (then it stops cleanly)
        }
        server.close();
    }
}
