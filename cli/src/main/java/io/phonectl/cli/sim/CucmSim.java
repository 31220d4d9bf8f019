package io.phonectl.cli.sim;

import io.phonectl.sim.FleetHost;
import io.phonectl.sim.cucm.CucmConfig;
import io.phonectl.sim.cucm.CucmDirectory;
import io.phonectl.sim.cucm.CucmFleet;
import io.phonectl.sim.cucm.CucmInspection;
import io.phonectl.sim.cucm.SimCucm;
import io.phonectl.sim.inspect.InspectionApi;
import io.phonectl.sim.inspect.InspectionServer;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The {@code --cucm} options of {@code phonectl sim}: a simulated CUCM for this process's phones or a fleet file. */
final class CucmSim {

    @Option(names = "--cucm", description = "Also simulate a CUCM cluster (AXL and RisPort70) that knows the phones "
            + "(needs --addresses: RisPort reports one IP address per phone).")
    boolean cucm;

    @Option(names = "--cucm-fleet", paramLabel = "FILE",
            description = "Simulate a CUCM for the phones in FILE (CSV name,address,model[,dn,description,devicepool]) "
                    + "instead of this process's phones; --phones 0 allowed.")
    Path cucmFleet;

    @Option(names = "--cucm-port", paramLabel = "P", defaultValue = "0",
            description = "The CUCM's port (a real one uses 8443; default 0: ephemeral).")
    int cucmPort;

    @Option(names = "--cucm-http", description = "Serve the CUCM over plain HTTP instead of HTTPS.")
    boolean cucmHttp;

    @Option(names = "--cucm-nodes", paramLabel = "NODE,…", split = ",", defaultValue = "cucm-pub,cucm-sub1",
            description = "CM node names, publisher first (default ${DEFAULT-VALUE}).")
    List<String> nodes;

    @Option(names = "--cucm-ris-rate", paramLabel = "N", defaultValue = "15",
            description = "RisPort requests the cluster answers per minute (default ${DEFAULT-VALUE}).")
    int risRate;

    boolean wanted() {
        return cucm || cucmFleet != null;
    }

    /** Starts the CUCM for these phones (or the fleet file), serves it in the inspection API, says where it is. */
    void start(PrintWriter out, String bind, String user, String secret, FleetHost phones, boolean perAddress,
               int inspectPort, List<AutoCloseable> running) throws IOException {
        if (cucmFleet == null && phones != null && !perAddress) {
            throw new IllegalArgumentException("--cucm needs --addresses FIRST: RisPort reports one IP address per "
                    + "phone, so the phones cannot share 127.0.0.1");
        }
        CucmConfig config = CucmConfig.defaults(user, secret).withNodes(nodes).withRatePerMinute(risRate)
                .withListener(InetAddress.getByName(bind), cucmPort, !cucmHttp);
        CucmDirectory directory = CucmDirectory.of(config, Clock.systemUTC());
        CucmFleet.Loaded loaded = cucmFleet != null ? CucmFleet.fromFile(directory, cucmFleet)
                : CucmFleet.fromPhones(directory, phones.phones());
        SimCucm sim = SimCucm.start(config, directory, Clock.systemUTC());
        running.add(sim);
        out.println("Simulated CUCM: " + sim.uri() + " (nodes " + String.join(", ", config.nodes()) + "; "
                + loaded.configured() + " phones configured" + (loaded.leftOut() > 0 ? ", " + loaded.leftOut()
                + " left out: " + loaded.why() : "") + "; user " + user + ", password not shown)");
        out.println("  AXL " + sim.uri().resolve("/axl/") + ", RisPort70 " + sim.uri()
                .resolve("/realtimeservice2/services/RISService70") + " (" + risRate + " requests/minute)");
        sim.certificate().ifPresent(c -> out.println("  certificate SHA-256 " + c.sha256() + " (use --pin)"));
        URI base = null;
        InspectionApi api = phones == null ? null : phones.inspection().orElse(null);
        if (api != null) {
            base = phones.inspectionUri().orElse(null);
        } else if (inspectPort >= 0) {
            api = InspectionApi.forDevices(List.of());
            InspectionServer server = InspectionServer.start(bind, inspectPort, api);
            running.add(server);
            base = server.uri();
        }
        if (api != null) {
            api.extension("cucm", new CucmInspection(sim));
            out.println("  Inspection: " + base.resolve("cucm/phones") + "  (POST /cucm/phones/{name}/register, "
                    + "…/unregister, …/move, …/update, …/delete; POST /cucm/phones to add)");
        }
        out.println("  discover: phonectl cucm discover --cucm " + sim.hostAndPort() + (cucmHttp ? " --http" : "")
                + " --user " + user + " --fleet-file cucm-fleet.csv");
    }
}
