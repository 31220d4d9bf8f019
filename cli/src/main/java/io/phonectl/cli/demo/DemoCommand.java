package io.phonectl.cli.demo;

import io.phonectl.cli.console.Io;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.xsi.BroadcastCommand;
import io.phonectl.cli.xsi.Payload;
import io.phonectl.cli.xsi.ProgressBar;
import io.phonectl.cli.xsi.ScreenshotCommand;
import io.phonectl.cli.sim.Foreground;
import io.phonectl.client.credentials.CredentialResolver;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.fleet.CatalogPreflight;
import io.phonectl.client.fleet.FleetConfig;
import io.phonectl.client.fleet.FleetReport;
import io.phonectl.client.fleet.PhoneResult;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.paging.PagingConfig;
import io.phonectl.client.paging.PagingReport;
import io.phonectl.client.paging.PagingResult;
import io.phonectl.client.paging.PagingSession;
import io.phonectl.client.xsi.QueryResult;
import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.client.xsi.Screenshot;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.xsi.push.XsiPush;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code phonectl demo}: a simulated fleet, two broadcasts, a per-model report, a screenshot, commands to try. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a few hundred simulated phones of mixed models on loopback, broadcast a text message and "
                + "a tone to all of them with a progress bar, show per model what happened (and why some models "
                + "refuse), save one phone's screenshot, and keep the fleet running with commands to try until Ctrl-C."})
public final class DemoCommand implements Callable<Integer> {

    static final String USER = "demo";
    static final String TEXT_TITLE = "phonectl demo";
    static final String TEXT = "Fire drill at 15:00 - please leave by the stairs.";
    static final String TONE = "Play:Chime.raw";
    static final double PAGE_SECONDS = 1.0;

    @Spec
    CommandSpec spec;

    @Option(names = "--phones", paramLabel = "N", defaultValue = "300",
            description = "How many phones (default ${DEFAULT-VALUE}).")
    int phones;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the fleet file, credentials file and screenshot go (default: a new temporary directory).")
    Path dir;

    @Option(names = "--no-wait", description = "Exit after the report instead of running until Ctrl-C.")
    boolean noWait;

    @Override
    public Integer call() throws Exception {
        if (phones < 1 || phones > SimConfig.MAX_PHONES) {
            throw new IllegalArgumentException("--phones = " + phones + ": must be 1.." + SimConfig.MAX_PHONES);
        }
        XsiTransport.prepare(); // while the fleet starts
        DemoFiles files = DemoFiles.create(dir);
        PrintWriter out = Io.out(spec);
        long t0 = System.nanoTime();
        FleetHost host = FleetHost.start(SimConfig.ephemeral(phones, List.of())
                .withUsers(Map.of(USER, files.password())).withFleetFile(files.fleet()));
        List<AutoCloseable> running = new ArrayList<>(List.of(host));
        try {
            out.printf(Locale.ROOT, "Started %d simulated phones of %d models on 127.0.0.1 in %d ms.%n",
                    host.phones().size(), host.phones().stream().map(p -> p.model().name()).distinct().count(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            out.println("Fleet file: " + files.fleet());
            out.flush();
            Inventory inventory = Inventory.read(files.fleet());
            Credentials creds = new CredentialResolver(Map.of()).resolve(files.reference(), null);
            FleetReport text = broadcast(out, inventory, creds, "Text message", Payload.parse(
                    List.of("object_text", "title=" + TEXT_TITLE, "text=" + TEXT)), Duration.ofSeconds(10));
            FleetReport play = broadcast(out, inventory, creds, "Tone (" + TONE + ")", Payload.parse(List.of(TONE)),
                    Duration.ofSeconds(15));
            PagingReport page = page(out, inventory, creds);
            out.println();
            out.println("What happened, per model:");
            DemoReport.print(out, List.of(DemoReport.Column.of("text", text), DemoReport.Column.of("Play tone", play),
                    DemoReport.Column.of("RTP page", page)));
            out.println();
            PhoneResult shown = screenshot(out, text, creds, files);
            out.println();
            tryThese(out, host, files, shown);
            out.flush();
            if (noWait) {
                out.println("Stopping (--no-wait).");
                return ExitCode.OK;
            }
            out.println("The fleet keeps running; press Ctrl-C to stop.");
            out.flush();
            List<AutoCloseable> toStop = running;
            running = List.of();
            Foreground.hold(Io.err(spec), toStop);
            return ExitCode.OK;
        } finally {
            Foreground.closeAll(running);
        }
    }

    private FleetReport broadcast(PrintWriter out, Inventory inventory, Credentials creds, String title,
                                  XsiPush action, Duration timeout) {
        out.println();
        out.println(title + " to " + inventory.size() + " phones: " + action.label());
        out.flush();
        FleetConfig config = FleetConfig.DEFAULTS.withRequestTimeout(timeout).withDeadline(Duration.ofSeconds(120));
        FleetReport r = BroadcastCommand.run(inventory, action, config, TransportConfig.FLEET.connectTimeout(), p -> creds,
                CatalogPreflight.standard(), ProgressBar.on(Io.err(spec)));
        out.printf(Locale.ROOT, "  %d of %d phones accepted it in %.1f s.%n", r.succeeded(), r.results().size(),
                r.wall().toMillis() / 1000.0);
        out.println("  Time to N: " + r.timeToN().line() + ".");
        return r;
    }

    /** A one-second chime paged over RTP to every phone, each model by the API the catalog gives it. */
    private PagingReport page(PrintWriter out, Inventory inventory, Credentials creds) {
        out.println();
        out.println("RTP page (a " + PAGE_SECONDS + " s G.711 chime, unicast, RTP Streaming API or RTPRx per model) to "
                + inventory.size() + " phones");
        out.flush();
        try (XsiTransport transport = XsiTransport.start()) {
            PagingReport r = PagingSession.builder(transport).phones(inventory).muLawAudio(Tone.chime(PAGE_SECONDS))
                    .config(PagingConfig.builder().build()).credentials(p -> creds).build().run();
            long ok = r.results().stream().filter(x -> x.status().success()).count();
            out.printf(Locale.ROOT, "  %d of %d phones received it (%d RTP packets sent) in %.1f s.%n", ok,
                    r.results().size(), r.results().stream().mapToLong(PagingResult::packetsSent).sum(),
                    r.wall().toMillis() / 1000.0);
            return r;
        }
    }

    /** A screenshot of the first phone that shows the text, preferring a colour PNG model. */
    private PhoneResult screenshot(PrintWriter out, FleetReport text, Credentials creds, DemoFiles files)
            throws IOException {
        PhoneResult pick = text.results().stream().filter(r -> r.outcome().succeeded())
                .filter(r -> r.phone().model().equals("CP-8845")).findFirst()
                .orElse(text.results().stream().filter(r -> r.outcome().succeeded()).findFirst()
                        .orElse(text.results().getFirst()));
        try (XsiTransport transport = XsiTransport.start()) {
            QueryResult<Screenshot> shot = XsiClient.of(transport, pick.phone().address(), creds).screenshot();
            if (shot instanceof QueryResult.Failed<Screenshot> f) {
                out.println("Screenshot of " + pick.phone().name() + " failed: " + f.outcome().detail());
                return pick;
            }
            Screenshot s = shot.orElseThrow();
            Path file = ScreenshotCommand.save(s, files.dir().resolve("screen-" + pick.phone().name() + "."
                    + s.format().extension()));
            out.println("Screenshot of " + pick.phone().name() + " (" + pick.phone().model() + ", " + s.width() + "x"
                    + s.height() + " " + s.format() + "): " + file);
        }
        return pick;
    }

    private static void tryThese(PrintWriter out, FleetHost host, DemoFiles files, PhoneResult shown) {
        String phone = shown.phone().address().toString();
        String cred = "--credentials " + files.reference();
        out.println("Try (in another terminal, while this runs):");
        out.println("  ./phonectl xsi push --phone " + phone + " " + cred + " Key:Services");
        out.println("  ./phonectl xsi push --phone " + phone + " " + cred
                + " object_text title=Hello text='From the command line'");
        out.println("  ./phonectl xsi info --phone " + phone + " device");
        out.println("  ./phonectl xsi screenshot --phone " + phone + " " + cred + " -o screen.png");
        out.println("  ./phonectl xsi broadcast --fleet " + files.fleet() + " " + cred
                + " --where model=CP-8845 object_text title=Hello text=Everyone");
        out.println("  ./phonectl xsi broadcast --fleet " + files.fleet() + " " + cred + " Display:Off:1");
        host.inspectionUri().ifPresent(u -> {
            out.println("  curl " + u.resolve("phones"));
            out.println("  curl " + u.resolve("phones/" + shown.phone().name()));
            out.println("  curl -X POST " + u.resolve("phones/" + shown.phone().name() + "/press/Services"));
        });
        out.println("(" + files.credentials() + " holds the demo's user and password; the password is not shown.)");
    }
}
