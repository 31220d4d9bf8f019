package io.phonectl.bench;

import io.phonectl.server.PhonectlServer;
import io.phonectl.server.ServerConfig;
import io.phonectl.server.auth.SecurityConfig;
import io.phonectl.server.auth.User;
import io.phonectl.server.credential.CredentialConfig;
import io.phonectl.server.http.HttpConfig;
import io.phonectl.server.http.Role;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The service in a process of its own, for the start-up and memory measurements: {@code ServeProcess DATA} starts on
 * an ephemeral loopback port, prints {@code READY <port> <token> <start ms>}; on a line {@code gc} on its input it
 * collects garbage and prints {@code HEAP <used bytes>}; it stops when its input closes.
 */
public final class ServeProcess {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final String MASTER_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'C');

    private ServeProcess() {
    }

    static ServerConfig config(Path data) {
        return ServerConfig.defaults(data).withHttp(HttpConfig.loopback(0))
                .withSecurity(SecurityConfig.defaults().withBcryptCost(4).withAdminPassword(ADMIN_PASSWORD))
                .withCredentials(new CredentialConfig(MASTER_KEY));
    }

    static String token(PhonectlServer server, String name) {
        User admin = server.services().auth().users().byName("admin").orElseThrow();
        return server.services().auth().tokens().create(admin.id(), name, Role.ADMIN, null).token();
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        PhonectlServer server = PhonectlServer.start(config(Path.of(args[0])));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("READY " + server.uri().getPort() + " " + token(server, "bench-" + ProcessHandle.current().pid())
                + " " + ms);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("gc")) {
                System.gc();
                System.gc();
                System.out.println("HEAP " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                System.out.flush();
            }
        }
        server.close();
    }
}
