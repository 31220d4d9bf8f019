package io.phonectl.cli.serve;

import io.phonectl.server.Services;
import io.phonectl.server.device.DeviceInput;
import io.phonectl.server.device.ImportReport;
import io.phonectl.server.device.ImportRow;
import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.sim.xapi.SimulatedXapiDevice;
import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code serve --demo}: simulated phones of every model and a few RoomOS and PhoneOS devices in this process, on
 * loopback, imported into the registry through the service layer with a credential set each. Running it again on
 * the same data folder updates the devices (their ports change) instead of adding new ones.
 */
final class DemoFleet implements AutoCloseable {

    static final String PHONE_CREDENTIALS = "demo-phones";
    static final String XAPI_CREDENTIALS = "demo-xapi";
    static final int ROOMOS = 3;
    static final int PHONEOS = 2;
    /** The simulators' accounts: demo values, not secrets of anyone's (admin/admin phones, admin with no password). */
    private static final String USER = "admin";
    private static final String PHONE_PASSWORD = "admin";

    private final FleetHost phones;
    private final List<XapiSimHost> xapi;

    private DemoFleet(FleetHost phones, List<XapiSimHost> xapi) {
        this.phones = phones;
        this.xapi = xapi;
    }

    static DemoFleet start(int phoneCount) throws Exception {
        FleetHost phones = FleetHost.start(SimConfig.ephemeral(phoneCount, List.of()).withUsers(Map.of(USER, PHONE_PASSWORD)));
        List<XapiSimHost> xapi = new ArrayList<>();
        try {
            xapi.add(XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, ROOMOS)));
            xapi.add(XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.PHONEOS, PHONEOS)));
        } catch (Exception e) {
            for (XapiSimHost h : xapi) {
                h.close();
            }
            phones.close();
            throw e;
        }
        return new DemoFleet(phones, xapi);
    }

    /** Creates (or refreshes) the demo credential sets and imports every simulated device. */
    ImportReport importInto(Services services) {
        credentials(services, PHONE_CREDENTIALS, PHONE_PASSWORD);
        credentials(services, XAPI_CREDENTIALS, "");
        List<ImportRow> rows = new ArrayList<>();
        int line = 1;
        for (SimPhone p : phones.phones()) {
            String address = FleetHost.uriOf(p).getAuthority();
            rows.add(ImportRow.of(line++, new DeviceInput(p.name(), address, p.model().headerName(), "xsi", "demo",
                    List.of("demo", "sim"), null, PHONE_CREDENTIALS)));
        }
        for (XapiSimHost host : xapi) {
            String kind = host.config().product().name().toLowerCase(Locale.ROOT);
            for (SimulatedXapiDevice d : host.devices()) {
                // the two hosts number their devices alike (xapi-0001…): the kind keeps the names apart
                rows.add(ImportRow.of(line++, new DeviceInput(kind + "-" + d.name(), d.host() + ":" + d.port(), kind,
                        kind, "demo", List.of("demo", "sim"), null, XAPI_CREDENTIALS)));
            }
        }
        ImportReport report = services.devices().importRows(rows);
        services.audit().system("demo import", report.added() + " added, " + report.updated() + " updated");
        return report;
    }

    private static void credentials(Services services, String name, String secret) {
        Optional<Long> id = services.credentials().idByName(name);
        if (id.isPresent()) {
            services.credentials().update(id.get(), null, USER, secret);
        } else {
            services.credentials().create(name, USER, secret);
        }
    }

    /** The simulated phones' inspection API (what a person at a phone does: keys, softkeys). */
    java.util.Optional<java.net.URI> inspectionUri() {
        return phones.inspectionUri();
    }

    int phoneCount() {
        return phones.phones().size();
    }

    int xapiCount() {
        return xapi.stream().mapToInt(h -> h.devices().size()).sum();
    }


    @Override
    public void close() {
        for (XapiSimHost h : xapi) {
            try {
                h.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
        phones.close();
    }
}
