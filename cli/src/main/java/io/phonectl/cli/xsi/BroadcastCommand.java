package io.phonectl.cli.xsi;

import io.phonectl.cli.console.Io;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.options.Credentialed;
import io.phonectl.cli.options.OutputFiles;
import io.phonectl.cli.options.TlsOptions;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.fleet.CatalogPreflight;
import io.phonectl.client.fleet.FleetConfig;
import io.phonectl.client.fleet.FleetPush;
import io.phonectl.client.fleet.FleetReport;
import io.phonectl.client.fleet.Preflight;
import io.phonectl.client.fleet.RetryPolicy;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.inventory.Selector;
import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.push.XsiPush;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code phonectl xsi broadcast --fleet fleet.csv [--where model=CP-8845] <action…>}: the arguments become one
 * {@link XsiPush} (encoded once, URIs parsed once); the pre-flight check decides once per model; every phone of a
 * model is sent the same bytes.
 */
@Command(name = "broadcast", mixinStandardHelpOptions = true,
        description = {"Push one action to every phone of an inventory (the simulator's fleet file, or CSV/JSON with "
                + "name,address,model,user,credentials), or to those --where selects. Phones whose model lacks the "
                + "feature are reported from the model catalog, not sent; the others get the model's wire form (its key "
                + "spellings). Progress on stderr; a summary by outcome and by model on stdout (--json: the whole "
                + "per-phone table).",
                "Exit 0 when every phone succeeded, 1 when some did not, 2 for bad input, 3 for an internal error."})
public final class BroadcastCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--fleet", required = true, paramLabel = "FILE", description = "Inventory: fleet.csv or .json.")
    Path fleet;

    @Option(names = "--where", paramLabel = "FIELD=VALUE",
            description = "Select phones (repeatable, all must match): model=CP-8845,CP-8865  name!=lab-*  host=10.1.*")
    List<String> where = List.of();

    @Mixin
    Credentialed credentials;

    @Mixin
    TlsOptions tls;

    @Option(names = "--digest",
            description = "Answer Digest challenges (RFC 7616) from every phone, not only the models the catalog marks.")
    boolean digest;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Talk to at most N phones at once (default: an adaptive limit per site that follows the "
                    + "phones' answer times, shown in the progress line; one connection per phone).")
    Integer concurrency;

    @Option(names = "--connect-timeout", paramLabel = "MS",
            description = "Give up connecting to a phone after this long (default 1000, TransportConfig.FLEET; a dead "
                    + "phone holds its slot this long per attempt).")
    Integer connectTimeoutMillis;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "60",
            description = "Every phone has its outcome by then (default ${DEFAULT-VALUE}).")
    int deadlineSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Longest single exchange (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "3",
            description = "Attempts per phone for refused or timed-out pushes (default ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--no-preflight",
            description = "Send even where the model catalog says the model lacks it (key spellings still apply).")
    boolean noPreflight;

    @Option(names = "--json", description = "Print the per-phone result table as JSON instead of the summary.")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the per-phone table (.json or .csv).")
    Path report;

    @Parameters(arity = "1..*", paramLabel = "WHAT", description = "URIs, a file.xml, or an action id and name=value.")
    List<String> what;

    @Override
    public Integer call() throws IOException {
        XsiTransport.prepare(); // while the inventory is read
        if (report != null) {
            OutputFiles.checkWritable("--report", report); // before any phone is pushed, not after all of them
        }
        XsiPush push = Payload.parse(what);
        Inventory phones = Inventory.read(fleet).select(where.stream().map(Selector::parse).toList());
        if (phones.size() == 0) {
            throw new ParameterException(spec.commandLine(),
                    "--where " + String.join(" ", where) + " selects no phone of " + fleet);
        }
        // phones without their own reference use the options: unusable options are bad input, not N failures
        phones.phones().stream().filter(p -> p.credentials().isEmpty()).findFirst().ifPresent(credentials::forPhone);
        if (concurrency != null && (concurrency < 1 || concurrency > 10_000)) {
            throw new ParameterException(spec.commandLine(), "--concurrency = " + concurrency + ": must be 1..10000");
        }
        Duration connect = connectTimeoutMillis == null ? TransportConfig.FLEET.connectTimeout()
                : Duration.ofMillis(connectTimeoutMillis);
        if (connect.toMillis() < 1 || connect.toMillis() > 60_000) {
            throw new ParameterException(spec.commandLine(), "--connect-timeout = " + connectTimeoutMillis
                    + ": must be 1..60000 ms");
        }
        FleetConfig config = new FleetConfig(concurrency == null ? FleetConfig.ADAPTIVE : concurrency,
                Duration.ofSeconds(deadlineSeconds),
                Duration.ofSeconds(timeoutSeconds), new RetryPolicy(attempts, RetryPolicy.DEFAULTS.initialBackoff(),
                RetryPolicy.DEFAULTS.multiplier(), RetryPolicy.DEFAULTS.maxBackoff()));
        TransportConfig transport = TransportConfig.FLEET.withRequestTimeout(config.requestTimeout())
                .withConnectTimeout(connect).withTls(tls.policy(Io.err(spec), "the phones'", "the password"))
                .withDigest(digest);
        FleetReport r = run(phones, push, config, transport, credentials::forPhone, noPreflight
                ? CatalogPreflight.wireFormOnly() : CatalogPreflight.standard(), ProgressBar.on(Io.err(spec)));
        if (json) {
            Io.out(spec).println(r.toJson());
        } else {
            Summary.print(Io.out(spec), r);
        }
        if (report != null) {
            boolean asJson = report.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
            OutputFiles.write(report, asJson ? r.toJson() : r.toCsv());
        }
        return r.allSucceeded() ? ExitCode.OK : ExitCode.SOME_FAILED;
    }

    /** Runs a fleet push with a progress bar, on a transport of its own. Used by demo too. */
    public static FleetReport run(Inventory phones, XsiPush push, FleetConfig config, Duration connectTimeout,
                                  Function<PhoneEntry, Credentials> credentials, Preflight preflight, ProgressBar bar) {
        return run(phones, push, config, TransportConfig.FLEET.withRequestTimeout(config.requestTimeout())
                .withConnectTimeout(connectTimeout), credentials, preflight, bar);
    }

    /** The same over a transport configured by the caller (certificates, Digest, connect timeout). */
    public static FleetReport run(Inventory phones, XsiPush push, FleetConfig config, TransportConfig transportConfig,
                                  Function<PhoneEntry, Credentials> credentials, Preflight preflight, ProgressBar bar) {
        try (XsiTransport transport = XsiTransport.start(transportConfig)) {
            FleetPush fleetPush = FleetPush.builder(transport).credentials(credentials).preflight(preflight)
                    .config(config).listener(bar).build();
            FleetReport r = fleetPush.run(phones, push);
            bar.finish();
            return r;
        }
    }
}
