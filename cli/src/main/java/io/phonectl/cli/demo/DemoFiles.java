package io.phonectl.cli.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The demo's working directory: the fleet file, and a credentials file (owner-only) holding a password made up for
 * this run, so the commands the demo prints work without the password ever being shown.
 */
record DemoFiles(Path dir, Path fleet, Path credentials, String password) {

    static DemoFiles create(Path requested) throws IOException {
        Path dir = requested != null ? Files.createDirectories(requested).toAbsolutePath()
                : Files.createTempDirectory("phonectl-demo-").toAbsolutePath();
        byte[] random = new byte[9];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path creds = dir.resolve("credentials.properties");
        Files.deleteIfExists(creds);
        try {
            Files.createFile(creds, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(creds);
        }
        try (Writer w = Files.newBufferedWriter(creds, StandardCharsets.UTF_8)) {
            w.write("# phonectl demo credentials (reference: file:" + creds + ")\n");
            w.write("user=" + DemoCommand.USER + "\npassword=" + password + "\n");
        }
        return new DemoFiles(dir, dir.resolve("fleet.csv"), creds, password);
    }

    /** The credentials reference the printed commands use. */
    String reference() {
        return "file:" + credentials;
    }

    @Override
    public String toString() {
        return "DemoFiles[" + dir + ", password=***]";
    }
}
