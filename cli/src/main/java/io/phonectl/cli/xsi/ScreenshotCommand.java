package io.phonectl.cli.xsi;

import io.phonectl.cli.console.Io;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.client.xsi.QueryResult;
import io.phonectl.client.xsi.Screenshot;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code phonectl xsi screenshot --phone … -o screen.png}. */
@Command(name = "screenshot", mixinStandardHelpOptions = true,
        description = {"Save the phone's screen as the phone sends it (PNG, or BMP on 79xx) and print its size.",
                "A non-image answer is the failure it is (usually an authentication error): exit 1."})
public final class ScreenshotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PhoneTarget target;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to save it (default screen.png or screen.bmp, as the phone answers).")
    Path output;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = "/CGI/Screenshot",
            description = "Screenshot path (default ${DEFAULT-VALUE}).")
    String path;

    @Override
    public Integer call() throws Exception {
        try (XsiTransport transport = target.transport()) {
            XsiClient client = target.client(transport);
            QueryResult<Screenshot> shot = client.screenshot(path);
            if (shot instanceof QueryResult.Failed<Screenshot> f) {
                Io.out(spec).println(client.phone() + ": " + f.outcome().kind() + ": " + f.outcome().detail());
                return ExitCode.SOME_FAILED;
            }
            Screenshot s = shot.orElseThrow();
            Path file = save(s, output);
            Io.out(spec).println(client.phone() + ": " + s.format() + " " + s.width() + "x" + s.height()
                    + ", " + s.bytes().length + " bytes saved to " + file.toAbsolutePath());
            return ExitCode.OK;
        }
    }

    /** Writes the image; without a name, screen.png or screen.bmp in the working directory. */
    public static Path save(Screenshot s, Path output) throws IOException {
        Path file = output != null ? output : Path.of("screen." + s.format().extension());
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, s.bytes());
        return file;
    }
}
