package io.phonectl.cli.options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files a command will write at its end (a report), checked before it starts its work: a path that cannot be written
 * fails the command at once with exit 2, not after every phone was pushed (issue 16). Writing can still fail later
 * (a full disk); that is an error too, never a silent exit 0.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /** Throws {@link IllegalArgumentException} naming the option and why when {@code file} cannot be written. */
    public static void checkWritable(String option, Path file) {
        Path abs = file.toAbsolutePath();
        Path folder = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new IllegalArgumentException(option + " " + file + ": is a folder, not a file");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + file + ": the folder " + folder + " does not exist");
        }
        if (Files.exists(abs) ? !Files.isWritable(abs) : !Files.isWritable(folder)) {
            throw new IllegalArgumentException(option + " " + file + ": cannot be written (permission denied)");
        }
    }

    /** Writes the text; a failure (a full disk) names the file and the reason: exit 2, never a silent 0. */
    public static void write(Path file, String text) throws IOException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new FileSystemException(file.toString(), null, e.getMessage());
        }
    }
}
