package io.phonectl.server.cucm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The files a run's CUCM client reads its trust from: the source's certificate, owner-only, in the system's temporary
 * folder, deleted when the run ends. A process killed during a run cannot delete its file, so each name carries the
 * writing process's id, and each new file first deletes those of processes that are gone (a certificate is not a
 * secret; the folder is kept tidy, not guarded).
 */
final class TrustFiles {

    private static final Logger LOG = LoggerFactory.getLogger(TrustFiles.class);
    static final String PREFIX = "phonectl-cucm-";

    private TrustFiles() {
    }

    /** A new trust file holding {@code pem}, after the files of processes that are gone were deleted. */
    static Path write(String pem) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        sweep(dir);
        Path f = Files.createTempFile(dir, PREFIX + ProcessHandle.current().pid() + "-", ".pem",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(f, pem);
        return f;
    }

    /** Deletes the trust files in {@code dir} whose writing process is no longer running; returns how many. */
    static int sweep(Path dir) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*-*.pem")) {
            for (Path f : files) {
                String rest = f.getFileName().toString().substring(PREFIX.length());
                long pid;
                try {
                    pid = Long.parseLong(rest.substring(0, rest.indexOf('-')));
                } catch (NumberFormatException e) {
                    continue; // not a name this class wrote
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                try {
                    if (Files.deleteIfExists(f)) {
                        deleted++;
                    }
                } catch (IOException e) {
                    LOG.debug("could not delete the left-over trust file {}: {}", f, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.debug("could not look for left-over trust files in {}: {}", dir, e.toString());
        }
        return deleted;
    }
}
