package io.phonectl.sim.execute;

import io.phonectl.sim.host.PhoneRoutes;
import io.phonectl.sim.host.Reply;
import io.phonectl.sim.phone.SimPhone;

/**
 * {@code POST /CGI/Execute} after authentication. Multiplatform (MPP) profiles answer an empty 200 whatever
 * was sent (reference notes §2.2).
 */
public final class ExecuteService implements PhoneRoutes {

    private ExecuteService() {
    }

    public static ExecuteService create() {
        return new ExecuteService();
    }

    @Override
    public Reply execute(SimPhone phone, String contentType, byte[] body) {
        if (phone.model().multiplatform()) {
            phone.recordExecuted("(MPP: body of " + body.length + " bytes not interpreted)", 0, "");
            return Reply.empty(200);
        }
        // Interpreting the body needs the XSI codec (branch objects): until it is merged, say so plainly.
        return Reply.html(501, "<html><body>/CGI/Execute is not implemented in this build of the simulator</body></html>\n");
    }
}
