package io.phonectl.cli.demo;

import io.phonectl.cli.console.Io;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.exit.ExitCodes;
import io.phonectl.cli.xsi.XsiCommand;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code phonectl aot-training} (hidden): the training run of the JVM's ahead-of-time cache for one-shot commands.
 * {@code ./phonectl} runs it once per build of the jar with {@code -XX:AOTCacheOutput} (JDK 25 and newer), and every
 * later one-shot command maps the classes this run loaded and linked instead of reading, verifying and linking them
 * again (docs/cli.md, "The launcher's JVM options"). It does what users' commands do, through the same commands:
 * simulated phones of every model on loopback in this process, two broadcasts with JSON and CSV reports, a push, a
 * device page, a screenshot and the action list, all written into a temporary folder that is removed at the end.
 * Nothing is printed but one line of what it did; it exits 0 when every step ran (phones that refuse an object by
 * their model are a step that ran).
 */
@Command(name = "aot-training", hidden = true, mixinStandardHelpOptions = true,
        description = "The training run of ./phonectl's start-up cache: the usual commands against simulated phones.")
public final class TrainingCommand implements Callable<Integer> {

    /** Enough phones of every model for the broadcast's per-model and per-site paths, few enough to train in seconds. */
    static final int PHONES = 200;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        DemoFiles files = DemoFiles.create(Files.createTempDirectory("phonectl-aot-training-"));
        try (FleetHost host = FleetHost.start(SimConfig.ephemeral(PHONES, List.of())
                .withUsers(Map.of(DemoCommand.USER, files.password())).withFleetFile(files.fleet()))) {
            String fleet = files.fleet().toString();
            String creds = files.reference();
            String phone = "127.0.0.1:" + host.phones().getFirst().address().getPort();
            Path dir = files.dir();
            List<List<String>> steps = List.of(
                    List.of("broadcast", "--fleet", fleet, "--credentials", creds, "--report",
                            dir.resolve("text.json").toString(), "object_text", "title=phonectl", "text=Training"),
                    List.of("broadcast", "--fleet", fleet, "--credentials", creds, "--where", "model=CP-8845",
                            "--report", dir.resolve("key.csv").toString(), "Key:Services"),
                    List.of("push", "--phone", phone, "--credentials", creds, "object_text", "title=phonectl",
                            "text=Training"),
                    List.of("info", "--phone", phone, "device"),
                    List.of("screenshot", "--phone", phone, "--credentials", creds, "-o",
                            dir.resolve("screen.png").toString()),
                    List.of("actions"));
            List<String> failed = new ArrayList<>();
            for (List<String> step : steps) {
                StringWriter err = new StringWriter();
                int code = xsi(step, err);
                if (code != ExitCode.OK && code != ExitCode.SOME_FAILED) {
                    failed.add("xsi " + step.getFirst() + " exited " + code + ": "
                            + err.toString().lines().findFirst().orElse(""));
                }
            }
            PrintWriter out = Io.out(spec);
            out.println(failed.isEmpty() ? "aot-training: " + steps.size() + " commands against " + PHONES
                    + " simulated phones" : "aot-training: " + String.join("; ", failed));
            out.flush();
            return failed.isEmpty() ? ExitCode.OK : ExitCode.INTERNAL_ERROR;
        } finally {
            delete(files.dir());
        }
    }

    /** One {@code phonectl xsi …} command as the command line runs it, its output discarded; its exit code. */
    private static int xsi(List<String> args, StringWriter err) {
        CommandLine cl = ExitCodes.install(new CommandLine(new XsiCommand()));
        cl.setOut(new PrintWriter(Writer.nullWriter()));
        PrintWriter errors = new PrintWriter(err);
        cl.setErr(errors);
        try {
            return cl.execute(args.toArray(String[]::new));
        } finally {
            errors.flush();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the training folder " + dir, e);
        }
    }
}
