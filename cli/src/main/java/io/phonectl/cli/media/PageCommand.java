package io.phonectl.cli.media;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.Selector;
import io.phonectl.client.paging.PagingApi;
import io.phonectl.client.paging.PagingConfig;
import io.phonectl.client.paging.PagingReport;
import io.phonectl.client.paging.PagingSession;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.media.g711.G711;
import io.phonectl.media.wav.WavReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code phonectl page}: an audio page to a fleet. Progress on stderr, the per-phone report on stdout. A Ctrl-C
 * cancels the page and still tells every phone to stop before the process ends. Exit 0 every phone received the
 * whole page, 1 some did not, 2 bad input.
 */
@Command(name = "page", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Stream a WAV file (any PCM rate/channels, sent as G.711 µ-law 8 kHz) to phones in real time.",
                "Per phone the model catalog picks startMedia (RTP Streaming API) or RTPRx/RTPMRx unless --api forces one.",
                "Exit 0 all phones received, 1 some failed, 2 bad input."})
public final class PageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--fleet", required = true, paramLabel = "FILE", description = "Inventory, CSV or JSON.")
    Path fleet;

    @Option(names = "--where", paramLabel = "FIELD=VALUE", description = "Select phones (repeatable; all must match), e.g. model=CP-8845,CP-8865.")
    List<String> where = new ArrayList<>();

    @Option(names = "--file", required = true, paramLabel = "WAV", description = "The announcement or tone.")
    Path file;

    @ArgGroup(exclusive = true)
    Target target = new Target();

    static final class Target {
        @Option(names = "--multicast", paramLabel = "GROUP:PORT",
                description = "One stream to this IPv4 multicast group (even port 20480-32768); phones join it.")
        String multicast;

        @Option(names = "--unicast", description = "One stream per phone (the default).")
        boolean unicast;
    }

    @Option(names = "--port", paramLabel = "N", defaultValue = "20480",
            description = "Unicast: RTP port of the first phone on a host (phones sharing a host get N+2, N+4, ...). Default ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--api", paramLabel = "legacy|media", description = "Force RTPRx/RTPMRx (legacy) or startMedia (media).")
    String api;

    @Option(names = "--volume", paramLabel = "N", description = "Receive volume 0-100 (RTP v / receiveVolume).")
    Integer volume;

    @Option(names = "--loop", paramLabel = "N", defaultValue = "1", description = "Play the file N times (1-100). Default ${DEFAULT-VALUE}.")
    int loops;

    @Option(names = "--source", paramLabel = "ADDRESS",
            description = "Unicast: the address phones are told the audio comes from (default: the local address routing to each phone).")
    String source;

    @Option(names = "--multicast-ttl", paramLabel = "N", defaultValue = "2", description = "Default ${DEFAULT-VALUE}.")
    int ttl;

    @Option(names = "--interface", paramLabel = "NAME|ADDRESS",
            description = "Network interface multicast leaves by (default: the OS's choice), e.g. eth0 or lo.")
    String multicastInterface;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64", description = "Phones told to start/stop at once. Default ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5", description = "Per exchange with a phone. Default ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--json", description = "The report as JSON instead of a table.")
    boolean json;

    @Option(names = "--no-progress", description = "No progress bar on stderr.")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Selector> filters = where.stream().map(Selector::parse).toList();
        Inventory phones = Inventory.read(fleet).select(filters);
        PagingConfig config;
        try {
            config = config();
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--source = \"" + source + "\": unknown host");
        }
        byte[] audio = WavReader.read(file).toG711(G711.MU_LAW);
        if (phones.size() == 0) {
            throw new ParameterException(spec.commandLine(), "no phones in " + fleet
                    + (where.isEmpty() ? "" : " match " + String.join(" and ", where)));
        }
        if (audio.length == 0) {
            throw new ParameterException(spec.commandLine(), file + ": holds no audio");
        }
        CountDownLatch reported = new CountDownLatch(1);
        try (XsiTransport transport = XsiTransport.start()) {
            ProgressBar bar = ProgressBar.on(err, !noProgress);
            PagingSession session = PagingSession.builder(transport).phones(phones).muLawAudio(audio).config(config)
                    .listener(bar).build();
            Thread hook = Thread.ofPlatform().unstarted(() -> cancelAndWait(session, reported));
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                PagingReport report = session.run();
                PrintWriter out = spec.commandLine().getOut();
                out.print(json ? PageReportWriter.json(file, report) : PageReportWriter.table(report));
                out.flush();
                return report.allReceived() ? ExitCode.OK : ExitCode.SOME_FAILED;
            } finally {
                reported.countDown();
                removeHook(hook);
            }
        }
    }

    private PagingConfig config() throws UnknownHostException {
        PagingConfig.Builder b = PagingConfig.builder().unicast(port).volume(volume).loops(loops).multicastTtl(ttl)
                .concurrency(concurrency).requestTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
        if (api != null) {
            PagingApi forced = PagingApi.fromOption(api);
            if (forced == null) {
                throw new IllegalArgumentException("--api = \"" + api + "\": one of legacy, media");
            }
            b.api(forced);
        }
        if (target.multicast != null) {
            b.multicast(group(target.multicast));
        }
        if (source != null) {
            b.sourceAddress(InetAddress.getByName(source));
        }
        if (multicastInterface != null) {
            b.multicastInterface(networkInterface(multicastInterface));
        }
        return b.build();
    }

    /**
     * {@code 239.1.2.3:20480}. Only a literal IPv4 address, converted without any name lookup: the group is named by
     * the user, never resolved. Whether it is a multicast group with a legal port is the RTPMRx rule, checked by
     * {@link PagingConfig}.
     */
    static InetSocketAddress group(String text) {
        String expected = "--multicast = \"" + text + "\": expected GROUP:PORT, e.g. 239.1.2.3:20480";
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || !text.substring(0, colon).matches("\\d{1,3}(\\.\\d{1,3}){3}") || !text.substring(colon + 1).matches("\\d{1,5}")) {
            throw new IllegalArgumentException(expected);
        }
        String[] octets = text.substring(0, colon).split("\\.");
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(octets[i]);
            if (v > 255) {
                throw new IllegalArgumentException(expected + " (" + v + " is not an address byte)");
            }
            address[i] = (byte) v;
        }
        int p = Integer.parseInt(text.substring(colon + 1));
        if (p > 65535) {
            throw new IllegalArgumentException(expected + " (port " + p + " is not a UDP port)");
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), p);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(expected, e); // four bytes are always accepted
        }
    }

    static NetworkInterface networkInterface(String text) {
        try {
            NetworkInterface nif = NetworkInterface.getByName(text);
            if (nif == null && text.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                nif = NetworkInterface.getByInetAddress(InetAddress.getByName(text));
            }
            if (nif == null) {
                throw new IllegalArgumentException("--interface = \"" + text + "\": no such network interface");
            }
            return nif;
        } catch (IOException e) {
            throw new IllegalArgumentException("--interface = \"" + text + "\": " + e.getMessage());
        }
    }

    /**
     * The shutdown hook (Ctrl-C, SIGTERM): a page must not leave phones receiving. Cancels, then holds the JVM until
     * the phones have been told to stop and the report is printed.
     */
    private static void cancelAndWait(PagingSession session, CountDownLatch reported) {
        session.cancel();
        try {
            if (session.awaitFinished(Duration.ofSeconds(30))) {
                reported.await(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running: it waits for this run to finish
        }
    }
}
