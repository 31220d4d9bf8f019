package io.phonectl.cli.sim;

import io.phonectl.cli.console.Io;
import io.phonectl.cli.exit.ExitCode;
import io.phonectl.sim.BindFailure;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.host.Impairments;
import io.phonectl.sim.inspect.InspectionApi;
import io.phonectl.sim.inspect.InspectionServer;
import io.phonectl.sim.net.Addresses;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.sim.xapi.SimUser;
import io.phonectl.sim.xapi.SimulatedXapiDevice;
import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import io.phonectl.xapi.schema.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code phonectl sim}: simulated phones (and xAPI devices) in this JVM until Ctrl-C. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Start simulated Cisco IP phones (and xAPI devices) in this process, write the fleet file the "
                + "other commands read, print where everything listens (never the password), and run until Ctrl-C.",
                "Phones listen on loopback by default, each on its own port (or its own 127.x address)."})
public final class SimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--phones", paramLabel = "N", defaultValue = "10",
            description = "Simulated IP phones (0 with --xapi; default ${DEFAULT-VALUE}).")
    int phones;

    @Option(names = "--models", paramLabel = "mix|MODEL,…", defaultValue = "mix",
            description = "Models cycled over the phones: mix (every catalog model of issue 3) or names, e.g. CP-8845,CP-7841.")
    String models;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Listening address of phones, xAPI devices and inspection API (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--base-port", paramLabel = "P",
            description = "Phone i listens on P+i, then xAPI device j on P+phones+j (default: an ephemeral port each). "
                    + "Not with --addresses.")
    Integer basePort;

    @Option(names = "--addresses", paramLabel = "FIRST",
            description = "One address per phone from FIRST (e.g. 127.1.0.1), then one per xAPI device, all on --port.")
    String firstAddress;

    @Option(names = "--port", paramLabel = "P",
            description = "With --addresses: the one port of every phone and device (e.g. 80; default: one ephemeral "
                    + "port, the same for all).")
    Integer port;

    @Option(names = "--user", paramLabel = "USER", defaultValue = "admin",
            description = "The user of phones and xAPI devices (ADMIN role on devices; default ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "The password of phones and xAPI devices (default: PHONECTL_PASSWORD, else \"admin\"). Never printed.")
    String password;

    @Option(names = "--auth-url", paramLabel = "URL",
            description = "Phones delegate authentication to this URL (it must answer AUTHORIZED) instead of --user/--password; xAPI devices still use --user/--password.")
    URI authUrl;

    @Option(names = "--fleet-file", paramLabel = "FILE",
            description = "Where to write name,address,model,user (default: fleet.csv in the state folder).")
    Path fleetFile;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "The state folder for the fleet files (default: $PHONECTL_STATE_DIR, else "
                    + "$XDG_STATE_HOME/phonectl, else ~/.local/state/phonectl; a sim/ folder inside it).")
    Path stateDir;

    @Option(names = "--inspect-port", paramLabel = "P", defaultValue = "0",
            description = "Inspection API port, printed at start (default 0: ephemeral; -1: none).")
    int inspectPort;

    @Option(names = "--clip-dir", paramLabel = "DIR",
            description = "More .raw ring files for Play: (each must pass the ring-file rules); built in: Beep.raw, Chime.raw, Classic2.raw.")
    Path clipDir;

    @Option(names = "--web", paramLabel = "http|https|https-only", defaultValue = "http",
            description = "What the phones' web servers speak: http (default), https (HTTPS and HTTP on each phone's port; "
                    + "the models the catalog marks HTTPS-only, 98xx, refuse plain HTTP) or https-only (every phone, as a "
                    + "hardened 88xx). Each phone has its own self-signed certificate: GET /phones/{name}/certificate on "
                    + "the inspection API.")
    String web;

    @Option(names = "--xapi", paramLabel = "N", defaultValue = "0", description = "Simulated xAPI devices as well (fleet file FLEET-xapi.csv; inspection API under /devices).")
    int xapi;

    @Option(names = "--product", paramLabel = "roomos|phoneos", defaultValue = "roomos",
            description = "Product of the xAPI devices (default ${DEFAULT-VALUE}; PhoneOS has no WebSocket).")
    String product;

    @Option(names = "--answer-delay", paramLabel = "MS", defaultValue = "0",
            description = "Every phone answers after this many milliseconds (default ${DEFAULT-VALUE}).")
    long answerDelayMillis;

    @Option(names = "--slow", paramLabel = "SHARE:MS",
            description = "A share of the phones (0..1, spread over the fleet) answers after MS instead, e.g. 0.1:500.")
    String slow;

    @Option(names = "--dead", paramLabel = "SHARE",
            description = "A share of the phones (0..1) never accepts a connection: a client's connect times out.")
    double dead;

    @Option(names = "--no-wait", description = "Print where things are, then stop and exit (scripts and tests).")
    boolean noWait;

    @picocli.CommandLine.Mixin
    CucmSim cucm;

    /** The port the phones got (with --addresses and no --port the devices take the same one); 0 before. */
    private int phonesPort;

    @Override
    public Integer call() throws Exception {
        if (phones < 0 || (phones == 0 && xapi <= 0 && cucm.cucmFleet == null)) {
            throw new IllegalArgumentException("--phones = " + phones
                    + ": must be at least 1 (0 only with --xapi N or --cucm-fleet FILE)");
        }
        checkAddressOptions();
        String secret = password != null ? password
                : System.getenv().getOrDefault("PHONECTL_PASSWORD", "admin");
        List<AutoCloseable> running = new ArrayList<>();
        PrintWriter out = Io.out(spec);
        if (fleetFile == null) {
            Path folder = (stateDir != null ? stateDir.toAbsolutePath() : StateFolder.current()).resolve("sim");
            Files.createDirectories(folder);
            fleetFile = folder.resolve("fleet.csv");
            out.println("State folder: " + folder + " (fleet files; --fleet-file FILE writes elsewhere)");
        }
        try {
            FleetHost host = null;
            if (phones > 0) {
                host = start(config(secret));
                running.add(host);
                phonesPort = host.phones().getFirst().address().getPort();
                describe(out, host);
            }
            if (xapi > 0) {
                XapiSimHost devices = XapiSimHost.start(xapiConfig(secret));
                running.add(devices);
                describeXapi(out, devices);
                inspectDevices(out, host, devices, running);
            }
            if (cucm.wanted()) {
                cucm.start(out, bind, user, secret, host, firstAddress != null, inspectPort, running);
            }
        } catch (Exception e) {
            Foreground.closeAll(running);
            throw e;
        }
        out.println(noWait ? "Stopping (--no-wait)." : "Running; press Ctrl-C to stop.");
        out.flush();
        if (noWait) {
            Foreground.closeAll(running);
        } else {
            Foreground.hold(Io.err(spec), running);
        }
        return ExitCode.OK;
    }

    /** --answer-delay, --slow SHARE:MS and --dead SHARE as the fleet's {@link Impairments}. */
    Impairments impairments() {
        Impairments i = Impairments.NONE.withAnswerDelay(Duration.ofMillis(answerDelayMillis)).withDead(dead);
        if (slow != null) {
            int colon = slow.indexOf(':');
            try {
                if (colon < 0) {
                    throw new NumberFormatException();
                }
                i = i.withSlow(Double.parseDouble(slow.substring(0, colon)),
                        Duration.ofMillis(Long.parseLong(slow.substring(colon + 1))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--slow = " + slow + ": must be SHARE:MS, e.g. 0.1:500");
            }
        }
        return i;
    }

    /** --base-port and --addresses choose addresses in two ways that exclude each other; --port needs --addresses. */
    void checkAddressOptions() {
        if (firstAddress != null && basePort != null) {
            throw new IllegalArgumentException("--base-port " + basePort + " and --addresses " + firstAddress
                    + " cannot be combined: --base-port gives each phone its own port on --bind, --addresses gives each "
                    + "phone its own address on one --port");
        }
        if (port != null && firstAddress == null) {
            throw new IllegalArgumentException("--port " + port + " applies only with --addresses (each phone its own "
                    + "address on that port); for a port per phone use --base-port");
        }
    }

    /** Starts the phones; a socket that cannot be opened is reported with the option that chose its address. */
    private FleetHost start(SimConfig config) throws IOException {
        try {
            return FleetHost.start(config, java.time.Clock.systemUTC(), impairments());
        } catch (BindFailure e) {
            String option = switch (e.role()) {
                case INSPECTION -> "--inspect-port " + inspectPort;
                case PHONE -> firstAddress != null ? "--addresses " + firstAddress + (port == null ? "" : " --port " + port)
                        : basePort != null ? "--base-port " + basePort : "--bind " + bind;
            };
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    SimConfig config(String secret) throws IOException {
        List<String> modelList = models.equalsIgnoreCase("mix") ? List.of()
                : Arrays.stream(models.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        InetAddress first = firstAddress == null ? null : InetAddress.getByName(firstAddress);
        Map<String, String> users = authUrl == null ? Map.of(user, secret) : Map.of();
        return new SimConfig(phones, modelList, InetAddress.getByName(bind), basePort == null ? 0 : basePort, first,
                port == null ? 0 : port, users,
                authUrl, false, fleetFile.toAbsolutePath(), inspectPort, clipDir, false).withWeb(webMode());
    }

    SimConfig.Web webMode() {
        return switch (web.toLowerCase(Locale.ROOT)) {
            case "http" -> SimConfig.Web.HTTP;
            case "https" -> SimConfig.Web.HTTPS;
            case "https-only" -> SimConfig.Web.HTTPS_ONLY;
            default -> throw new IllegalArgumentException("--web = " + web + ": must be http, https or https-only");
        };
    }

    private void describe(PrintWriter out, FleetHost host) {
        Map<String, Integer> perModel = new TreeMap<>();
        host.phones().forEach(p -> perModel.merge(p.model().name(), 1, Integer::sum));
        List<SimPhone> list = host.phones();
        out.println("Simulated phones: " + list.size() + " (" + perModel.entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("") + ")");
        out.println("  first: " + list.getFirst().name() + " " + list.getFirst().model().name() + " "
                + host.uri(list.getFirst()));
        out.println("  last:  " + list.getLast().name() + " " + list.getLast().model().name() + " "
                + host.uri(list.getLast()));
        if (webMode() != SimConfig.Web.HTTP) {
            out.println("  HTTPS: each phone has its own self-signed certificate ("
                    + host.inspectionUri().map(u -> "PEM at " + u + "phones/{name}/certificate").orElse("no inspection API")
                    + "); " + (webMode() == SimConfig.Web.HTTPS_ONLY ? "every phone refuses plain HTTP"
                    : "HTTPS-only models (98xx) refuse plain HTTP, the others answer both"));
        }
        out.println("  credentials: user " + (authUrl == null ? user + " (password not shown)"
                : "checked by " + authUrl));
        Impairments i = impairments();
        if (!i.none()) {
            List<String> parts = new ArrayList<>();
            if (!i.answerDelay().isZero()) {
                parts.add("answering after " + i.answerDelay().toMillis() + " ms");
            }
            long slowCount = list.stream().filter(p -> !i.dead(p.index()) && !i.delay(p.index()).equals(i.answerDelay()))
                    .count();
            if (i.slowShare() > 0) {
                parts.add(slowCount + " slow (after " + i.slowDelay().toMillis() + " ms)");
            }
            if (i.deadShare() > 0) {
                parts.add(list.stream().filter(p -> i.dead(p.index())).count() + " dead (connects time out)");
            }
            out.println("  " + String.join("; ", parts));
        }
        out.println("Fleet file: " + fleetFile.toAbsolutePath() + " (name,address,model,user)");
        host.inspectionUri().ifPresent(u -> out.println("Inspection API: " + u.resolve("phones")
                + "  (GET /phones/{name}, POST /phones/{name}/press/{key}, POST /reset)"));
    }

    /** One inspection port for both kinds: the phones' API serves the devices too, else one of their own. */
    private void inspectDevices(PrintWriter out, FleetHost host, XapiSimHost devices, List<AutoCloseable> running)
            throws IOException {
        URI base = null;
        if (host != null) {
            host.inspection().ifPresent(api -> api.devices(devices.devices()));
            base = host.inspectionUri().orElse(null);
        } else if (inspectPort >= 0) {
            InspectionServer server = InspectionServer.start(bind, inspectPort, InspectionApi.forDevices(devices.devices()));
            running.add(server);
            base = server.uri();
        }
        if (base != null) {
            out.println("Inspection API: " + base.resolve("devices") + "  (GET /devices/{name}, POST /devices/{name}/"
                    + "hangup/{callId}, …/event/{Name}, …/status/{Path…}, …/reboot, POST /reset)");
        }
    }

    XapiSimConfig xapiConfig(String secret) throws IOException {
        XapiProduct p = switch (product.toLowerCase(Locale.ROOT)) {
            case "roomos" -> XapiProduct.ROOMOS;
            case "phoneos" -> XapiProduct.PHONEOS;
            default -> throw new IllegalArgumentException("--product = " + product + ": must be roomos or phoneos");
        };
        // --auth-url is for phones only: devices always check --user/--password themselves (docs/cli.md)
        XapiSimConfig c = XapiSimConfig.defaults(p, xapi).withUsers(List.of(new SimUser(user, secret, Role.ADMIN)));
        // devices follow the phones: the same address/port scheme, the next addresses or ports after the last phone
        if (firstAddress != null) {
            return c.withAddresses(Addresses.plus(InetAddress.getByName(firstAddress), phones).getHostAddress(),
                    port != null ? port : phonesPort);
        }
        return c.withPorts(bind, basePort == null || basePort == 0 ? 0 : basePort + phones);
    }

    private void describeXapi(PrintWriter out, XapiSimHost devices) throws IOException {
        XapiProduct p = devices.config().product();
        out.println("Simulated xAPI devices: " + devices.devices().size() + " " + p.productName()
                + (p.webSocket() ? " (WebSocket /ws, /getxml, /putxml)" : " (HTTP /getxml, /putxml; no WebSocket)"));
        Path file = xapiFleetFile();
        devices.writeFleetFile(file, user);
        SimulatedXapiDevice d0 = devices.device(0);
        out.println("  first: " + (p.webSocket() ? d0.wsUri() : d0.httpUri()) + "  (user " + user + ", password not shown)");
        out.println("xAPI fleet file: " + file.toAbsolutePath() + " (name,address,model,user)");
    }

    /** fleet.csv → fleet-xapi.csv next to it. */
    Path xapiFleetFile() {
        Path abs = fleetFile.toAbsolutePath();
        String name = abs.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String xapiName = (dot > 0 ? name.substring(0, dot) : name) + "-xapi" + (dot > 0 ? name.substring(dot) : ".csv");
        return abs.resolveSibling(xapiName);
    }
}
