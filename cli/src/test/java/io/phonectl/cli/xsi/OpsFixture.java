package io.phonectl.cli.xsi;


import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials files and a record of every command output, so tests can prove no password is ever printed. */
final class OpsFixture {

    static final String USER = "ops";
    /** Distinctive, so that finding it in any output is unambiguous. */
    static final String PASSWORD = "Pw-7f3a9c-never-shown";

    final Path passwordFile;
    final Path wrongPasswordFile;
    final Path properties;
    private final List<CliRun> runs = new CopyOnWriteArrayList<>();

    OpsFixture(Path dir) throws IOException {
        passwordFile = Files.writeString(dir.resolve("password.txt"), PASSWORD + "\n", StandardCharsets.UTF_8);
        wrongPasswordFile = Files.writeString(dir.resolve("wrong.txt"), "wrong-" + PASSWORD + "\n", StandardCharsets.UTF_8);
        properties = Files.writeString(dir.resolve("creds.properties"), "user=" + USER + "\npassword=" + PASSWORD + "\n",
                StandardCharsets.UTF_8);
    }

    CliRun run(String... args) {
        CliRun r = CliRun.of(args);
        runs.add(r);
        return r;
    }

    /** No output of any run so far contains the password (nor the wrong one, nor its base64 Basic form). */
    void assertNoPasswordPrinted() {
        String basic = java.util.Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(runs).isNotEmpty().allSatisfy(r -> {
            assertThat(r.out()).doesNotContain(PASSWORD).doesNotContain(basic);
            assertThat(r.err()).doesNotContain(PASSWORD).doesNotContain(basic);
        });
    }

    /** A loopback port nobody listens on (bound, then closed). */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
