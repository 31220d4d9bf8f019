package io.phonectl.server.api;

import io.phonectl.client.xsi.Screenshot;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;
import io.phonectl.server.job.DeviceOperations;

import java.util.List;

/** One device at once: a device-information page, a screenshot, a synchronous single action. */
final class DeviceOperationResource {

    private static final String BASE = "/api/v1/devices/{id}";

    private DeviceOperationResource() {
    }

    static List<Route> routes(DeviceOperations ops) {
        return List.of(
                Route.get(BASE + "/pages/{page}").role(Role.VIEWER)
                        .doc("devices", "A device-information page read now (device, network, ethernet, port, log, "
                                + "streaming); 502 when the phone fails")
                        .query("n", "integer", "index of port (1-3), log (0-2) and streaming (1-3) pages")
                        .handler(ex -> {
                            long id = ex.id("id");
                            return Reply.ok(ops.page(id, ex.pathParam("page"), index(ex.query("n"))));
                        }),
                Route.get(BASE + "/screenshot").role(Role.VIEWER)
                        .doc("devices", "The phone's screen now, as the PNG (or BMP) it sends; 502 when it fails")
                        .responseType("image/png").handler(ex -> {
                            Screenshot s = ops.screenshot(ex.id("id"));
                            return Reply.raw(200, "image/" + s.format().extension(), s.bytes());
                        }),
                Route.post(BASE + "/actions").role(Role.OPERATOR)
                        .doc("devices", "Run one action on this device now and answer its outcome")
                        .request(DeviceOperations.ActionRequest.class).response(DeviceOperations.ActionOutcome.class)
                        .handler(ex -> {
                            long id = ex.id("id");
                            return Reply.ok(ops.action(id, ex.json(DeviceOperations.ActionRequest.class),
                                    ex.principal().name()));
                        }));
    }

    private static int index(String n) {
        if (n == null) {
            return 1;
        }
        try {
            int i = Integer.parseInt(n);
            if (i >= 0 && i <= 9) {
                return i;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiException.Invalid("n", n, "a page index 0..9");
    }
}
