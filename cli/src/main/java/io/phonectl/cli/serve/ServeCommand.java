package io.phonectl.cli.serve;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.sim.Foreground;
import io.phonectl.server.PhonectlServer;
import io.phonectl.server.ServerConfig;
import io.phonectl.server.relay.RelayConfig;
import io.phonectl.server.paging.PageSettings;
import io.phonectl.server.ServiceLogging;
import io.phonectl.server.auth.CreatedToken;
import io.phonectl.server.auth.SecurityConfig;
import io.phonectl.server.auth.User;
import io.phonectl.server.auth.UserService;
import io.phonectl.server.db.DatabaseConfig;
import io.phonectl.server.device.DeviceConfig;
import io.phonectl.server.device.ImportReport;
import io.phonectl.server.http.HttpConfig;
import io.phonectl.server.http.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code phonectl serve}: the fleet control service until Ctrl-C or SIGTERM (which stop it within a few seconds,
 * closing the database). With {@code --demo}, simulated devices in the same process, imported.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the fleet control service: REST API under /api/v1, /health, /metrics, a device registry "
                + "in an embedded H2 database (or PostgreSQL with --db).",
                "On first start an admin user is created; its one-time password is printed once (or taken from "
                        + "PHONECTL_ADMIN_PASSWORD) and must be changed at first login."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "phonectl-data",
            description = "Data folder: H2 database, master key, import root (default ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Listening address (default ${DEFAULT-VALUE}: this machine only).")
    String bind;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
            description = "Listening port (default ${DEFAULT-VALUE}; 0 = any free port, printed).")
    int port;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The URL devices reach this service at, when it is not the listening address (NAT, a load "
                    + "balancer, --bind 0.0.0.0): Acknowledge softkeys and RoomOS HttpFeedback registrations point "
                    + "there, and its host is the phones' callback host. Absolute http:// or https://, no user "
                    + "information, no query; a path is kept as a prefix. Default: the listening address.")
    String publicUrl;

    @Option(names = "--multicast-interface", paramLabel = "NAME",
            description = "The network interface multicast pages leave by (e.g. eth0; default: the operating "
                    + "system's choice).")
    String multicastInterface;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "Serve HTTPS with this PKCS12/JKS key store.")
    Path tlsKeystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE",
            description = "File holding the key store's password (default: PHONECTL_TLS_PASSWORD).")
    Path tlsPasswordFile;

    @Option(names = "--db", paramLabel = "postgresql://HOST[:PORT]/DB?user=NAME",
            description = "Use PostgreSQL instead of the embedded H2 (password from PHONECTL_DB_PASSWORD or --db-password-file).")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE", description = "File holding the PostgreSQL password.")
    Path dbPasswordFile;

    @Option(names = "--replica-lease", paramLabel = "SECONDS", defaultValue = "30",
            description = "With several replicas on one PostgreSQL: how long a silent replica keeps its job items before "
                    + "another replica takes them over and sends them again (default ${DEFAULT-VALUE}; 5..3600). Longer "
                    + "than any database outage a replica should ride out; heartbeats go every second.")
    int replicaLease;

    @Option(names = "--import-root", paramLabel = "DIR",
            description = "A folder whose files admins may import by server-side path (repeatable; the data folder always is one).")
    List<Path> importRoots = new ArrayList<>();

    @Option(names = "--demo", description = "Also start simulated phones of every model and 5 RoomOS/PhoneOS devices "
            + "in this process, and import them.")
    boolean demo;

    @Option(names = "--demo-phones", paramLabel = "N", defaultValue = "1000",
            description = "Simulated phones with --demo (default ${DEFAULT-VALUE}).")
    int demoPhones;

    @Option(names = "--auth-upstream", paramLabel = "URL",
            description = "The authentication relay (/authenticate) passes every question that does not carry this "
                    + "service's one-time credentials to URL unchanged (the CUCM's authenticate.jsp).")
    java.net.URI authUpstream;

    @Option(names = "--auth-rate", paramLabel = "N", defaultValue = "100",
            description = "At most N relayed authentication questions per second to --auth-upstream, bursts of 2N "
                    + "(default ${DEFAULT-VALUE}).")
    int authRate;

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "Once ready, write a new admin API token to FILE (mode 0600), for scripts: Authorization: Bearer $(cat FILE).")
    Path adminTokenFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig config = config(); // bad options: the one exit-code handler answers 2 with the message
        ServiceLogging.enable();
        List<AutoCloseable> running = new ArrayList<>();
        DemoFleet fleet = null;
        try {
            if (demo) {
                fleet = DemoFleet.start(demoPhones);
                running.add(fleet);
            }
            PhonectlServer server = PhonectlServer.start(config);
            running.add(server);
            server.firstStartPassword().ifPresent(pw -> out.println("phonectl serve: first start: user admin, one-time "
                    + "password " + pw + " (shown once; change it at first login)"));
            if (fleet != null) {
                ImportReport r = fleet.importInto(server.services());
                out.println("phonectl serve: demo: " + fleet.phoneCount() + " simulated phones (every model) and "
                        + fleet.xapiCount() + " RoomOS/PhoneOS devices imported (" + r.added() + " added, "
                        + r.updated() + " updated, " + r.refused() + " refused)");
                fleet.inspectionUri().ifPresent(u -> out.println("phonectl serve: demo: the simulated phones' "
                        + "inspection API (press keys, softkeys) at " + u));
            }
            if (adminTokenFile != null) {
                writeToken(server, adminTokenFile);
                out.println("phonectl serve: admin API token written to " + adminTokenFile);
            }
            out.println("phonectl serve: ready at " + server.uri() + " (console: open " + server.uri() + "/ and sign in as "
                    + "admin; API " + server.uri() + "/api/v1)");
            if (config.http().publicUri() != null) {
                out.println("phonectl serve: devices are handed URLs under " + config.http().publicUri());
            }
            out.flush();
        } catch (Exception | Error e) {
            Foreground.closeAll(running);
            throw e; // the exit-code handler: a port in use or an unreadable key store is 2, a bug 3; one line each
        }
        Foreground.hold(err, running);
        return ExitCode.OK;
    }

    private ServerConfig config() throws IOException {
        if (demoPhones < 1 || demoPhones > 20_000) {
            throw new IllegalArgumentException("--demo-phones = " + demoPhones + ": must be 1..20000");
        }
        if (replicaLease < 5 || replicaLease > 3600) {
            throw new IllegalArgumentException("--replica-lease = " + replicaLease + ": must be 5..3600 seconds");
        }
        HttpConfig http = HttpConfig.loopback(port).withBind(InetAddress.getByName(bind))
                .withPublicUri(io.phonectl.server.http.PublicUri.parse(publicUrl));
        if (tlsKeystore != null) {
            http = http.withTls(tlsKeystore, secret(tlsPasswordFile, "PHONECTL_TLS_PASSWORD", "--tls-password-file"));
        }
        ServerConfig config = ServerConfig.defaults(data).withHttp(http)
                .withSecurity(SecurityConfig.defaults().withAdminPassword(System.getenv("PHONECTL_ADMIN_PASSWORD")));
        if (db != null) {
            config = config.withDatabase(DatabaseConfig.postgresql(db,
                    secret(dbPasswordFile, "PHONECTL_DB_PASSWORD", "--db-password-file")));
        }
        DeviceConfig devices = DeviceConfig.defaults(data);
        for (Path root : importRoots) {
            devices = devices.withImportRoot(root);
        }
        RelayConfig relay = RelayConfig.defaults().withUpstream(authUpstream)
                .withRate(authRate, (int) Math.min(100_000, 2L * authRate));
        return config.withDevices(devices).withRelay(relay)
                .withPaging(PageSettings.defaults().withMulticastInterface(multicastInterface))
                .withJobs(config.jobs().withLease(java.time.Duration.ofSeconds(1),
                        java.time.Duration.ofSeconds(replicaLease)));
    }

    /** A password from a file (first line) or the environment; never from the command line, where ps shows it. */
    private static String secret(Path file, String env, String option) throws IOException {
        if (file != null) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0);
        }
        String v = System.getenv(env);
        if (v == null) {
            throw new IllegalArgumentException(option + " or " + env + " is needed");
        }
        return v;
    }

    /** A new admin token in a file only its owner can read, written atomically so a reader never sees half of it. */
    static void writeToken(PhonectlServer server, Path file) throws IOException {
        User admin = server.services().auth().users().byName(UserService.FIRST_ADMIN)
                .orElseThrow(() -> new IOException("no user admin to write a token for"));
        CreatedToken token = server.services().auth().tokens().create(admin.id(),
                "token-file-" + Long.toString(System.currentTimeMillis(), 36), Role.ADMIN, null);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".token", ".tmp", java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, token.token() + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        server.services().audit().system("write admin token file", Long.toString(token.id()));
    }
}
