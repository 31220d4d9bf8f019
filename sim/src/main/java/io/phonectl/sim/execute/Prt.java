package io.phonectl.sim.execute;

import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.object.ResponseItem;
import io.phonectl.xsi.object.ResponseStatus;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Problem-report generation as the control spec's {@code generate_problem_report} macro expects it:
 * GeneratePRT answers Success (or "There is pending PRT" while one runs); PRTStatus answers "Generating PRT"
 * once, then "Generated PRT at https://&lt;ip&gt;/FS/prt-yyyymmdd-hhmmss-&lt;mac&gt;.tar.gz". Completion is counted
 * in status polls, not wall time, so tests are deterministic. Guarded by the phone's monitor.
 */
final class Prt {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private boolean pending;
    private int polls;
    private String lastUrl;

    static ResponseItem generate(SimPhone phone, String url) {
        synchronized (phone) {
            Prt prt = phone.extension(Prt.class, Prt::new);
            if (prt.pending) {
                return ResponseItem.of(url, ResponseStatus.PENDING_PRT);
            }
            prt.pending = true;
            prt.polls = 0;
            prt.lastUrl = "https://" + phone.address().getAddress().getHostAddress() + "/FS/prt-"
                    + STAMP.format(phone.clock().instant()) + "-" + phone.mac().toLowerCase() + ".tar.gz";
            phone.log("problem report generation started");
            return ResponseItem.of(url, ResponseStatus.SUCCESS);
        }
    }

    static ResponseItem status(SimPhone phone, String url) {
        synchronized (phone) {
            Prt prt = phone.extension(Prt.class, Prt::new);
            if (prt.pending && prt.polls++ == 0) {
                return ResponseItem.of(url, ResponseStatus.GENERATING_PRT);
            }
            if (prt.pending || prt.lastUrl != null) {
                prt.pending = false;
                return new ResponseItem(url, "Generated PRT at " + prt.lastUrl, 0);
            }
            return ResponseItem.of(url, ResponseStatus.NO_PENDING_PRT);
        }
    }
}
