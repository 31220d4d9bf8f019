package io.phonectl.cli.xsi;

import io.phonectl.cli.console.Printable;
import io.phonectl.cli.console.Io;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.QueryResult;
import io.phonectl.client.xsi.Screenshot;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.model.PhoneModel;
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

    @Option(names = "--path", paramLabel = "PATH",
            description = "Screenshot path (default: the model's with --model, else /CGI/Screenshot).")
    String path;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "The phone's model: its screenshot path from the catalog, and HTTPS where the model serves "
                    + "the screenshot only so (98xx: https:// on port 443 when the address gives no scheme).")
    String model;

    @Override
    public Integer call() throws Exception {
        PhoneModel m = model == null ? null : ModelCatalog.standard().model(model);
        String at = path != null ? path : m != null ? m.screenshotPath() : XsiClient.SCREENSHOT_PATH;
        PhoneAddress address = target.address();
        if (m != null && m.screenshotHttps() && !address.https()) {
            address = new PhoneAddress(address.host(), address.port() == PhoneAddress.DEFAULT_PORT
                    ? PhoneAddress.DEFAULT_HTTPS_PORT : address.port(), true);
            Io.err(spec).println("phonectl: " + m.name() + " serves the screenshot over HTTPS only: asking " + address);
        }
        try (XsiTransport transport = target.transport()) {
            XsiClient client = target.client(transport, model, address);
            QueryResult<Screenshot> shot = client.screenshot(at);
            if (shot instanceof QueryResult.Failed<Screenshot> f) {
                Io.out(spec).println(client.phone() + ": " + f.outcome().kind() + ": "
                        + Printable.of(f.outcome().detail()));
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
