package io.phonectl.cli.media;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.media.MediaException;
import io.phonectl.media.RingFileException;
import io.phonectl.media.ring.RingFileChecker;
import io.phonectl.media.ring.RingFileConverter;
import io.phonectl.xsi.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code phonectl ringtone convert|check}: ring and {@code Play:} files (raw µ-law 8 kHz, control spec Play URI). */
@Command(name = "ringtone", mixinStandardHelpOptions = true,
        description = "Convert a WAV file to a phone ring/Play file, or check a .raw file against the spec's rules.",
        subcommands = {RingtoneCommand.Convert.class, RingtoneCommand.Check.class})
public final class RingtoneCommand {

    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = {"WAV (any PCM rate and channel count) to raw µ-law 8 kHz mono: 240-16080 samples, a multiple "
                    + "of 240, starting and ending at a zero crossing.",
                    "Exit 0 written, 2 when the WAV cannot be converted (every reason listed)."})
    static final class Convert implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<in.wav>")
        Path in;

        @Parameters(index = "1", paramLabel = "<out.raw>")
        Path out;

        @Option(names = "--truncate", description = "Cut sounds longer than 16080 samples (2.01 s) instead of refusing them.")
        boolean truncate;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            byte[] raw;
            try {
                raw = RingFileConverter.convert(in, new RingFileConverter.Options(truncate));
            } catch (RingFileException e) {
                return broken(err, in, e.violations());
            } catch (MediaException e) {
                err.println("phonectl: " + in + ": " + e.getMessage());
                return ExitCode.BAD_INPUT;
            } catch (UncheckedIOException e) {
                return unreadable(err, in, e.getCause());
            }
            try {
                Files.write(out, raw);
            } catch (IOException e) {
                err.println("phonectl: " + out + ": cannot write (" + e.getClass().getSimpleName() + ")");
                return ExitCode.BAD_INPUT;
            }
            spec.commandLine().getOut().println("wrote " + out + ": " + describe(raw.length) + ", raw µ-law 8 kHz mono");
            return ExitCode.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check a .raw ring/Play file; lists every rule it breaks.", "Exit 0 valid, 2 broken or unreadable."})
    static final class Check implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<file.raw>")
        Path file;

        @Override
        public Integer call() {
            List<Violation> violations;
            try {
                violations = RingFileChecker.check(file);
            } catch (UncheckedIOException e) {
                return unreadable(spec.commandLine().getErr(), file, e.getCause());
            }
            if (!violations.isEmpty()) {
                return broken(spec.commandLine().getOut(), file, violations);
            }
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                return unreadable(spec.commandLine().getErr(), file, e);
            }
            spec.commandLine().getOut().println(file + ": OK, " + describe(size));
            return ExitCode.OK;
        }
    }

    private static int broken(PrintWriter to, Path file, List<Violation> violations) {
        to.println(file + ": " + violations.size() + (violations.size() == 1 ? " rule" : " rules") + " broken");
        violations.forEach(v -> to.println("  " + v.message()));
        return ExitCode.BAD_INPUT;
    }

    private static int unreadable(PrintWriter err, Path file, Throwable cause) {
        String why = cause instanceof NoSuchFileException ? "no such file" : cause == null ? "unreadable"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        err.println("phonectl: " + file + ": cannot read (" + why + ")");
        return ExitCode.BAD_INPUT;
    }

    static String describe(long samples) {
        return String.format(Locale.ROOT, "%d samples (%.3f s)", samples, samples / 8000.0);
    }
}
