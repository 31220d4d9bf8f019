package io.phonectl.cli.cucm;

import io.phonectl.client.cucm.DiscoveredPhone;
import io.phonectl.client.cucm.DiscoveryResult;

import java.io.PrintWriter;
import java.util.List;

/** The discovery summary on stdout: counts by status, the phones that are not registered and why, and the costs. */
final class Report {

    /** At most this many not-registered phones are listed one per line; the file has them all. */
    static final int LISTED = 50;

    private Report() {
    }

    static void print(PrintWriter out, DiscoveryResult r, int written, String file) {
        out.println("Configured phones: " + r.phones().size() + "  " + r.byStatus());
        List<DiscoveredPhone> down = r.phones().stream().filter(p -> !p.registered()).toList();
        if (!down.isEmpty()) {
            out.println("Not registered (" + down.size() + "):");
            down.stream().limit(LISTED).forEach(p -> out.println("  " + p.name() + "  " + p.status()
                    + (p.reason().isEmpty() ? "" : "  " + p.reason()) + (p.ip().isEmpty() ? "" : "  last " + p.ip())
                    + (p.node().isEmpty() ? "" : " on " + p.node())));
            if (down.size() > LISTED) {
                out.println("  … and " + (down.size() - LISTED) + " more (all are in the file with their status)");
            }
        }
        long webOff = r.phones().stream().filter(p -> p.registered() && "No".equals(p.httpd())).count();
        if (webOff > 0) {
            out.println("Web server off (Httpd No; XSI pushes will fail): " + webOff + " registered phones");
        }
        out.println("Inventory: " + file + " (" + written + " phones with an address; name,address,model,dn,"
                + "description,devicepool,status)");
        out.println("Requests: AXL " + r.axlRequests() + ", RisPort " + r.risRequests()
                + (r.risTruncated() > 0 ? " (" + r.risTruncated() + " answers cut at 1000 items, asked again)" : "")
                + "; waited " + Progress.seconds(r.waited()) + " s for RisPort's rate limit; took "
                + Progress.seconds(r.elapsed()) + " s");
    }
}
