package io.phonectl.server.api;

import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;
import io.phonectl.server.live.LiveConnections;

import java.util.List;
import java.util.Map;

/** The mirrored part of devices' last known state: xAPI devices' live status, XSI phones' last poll. */
public final class LiveResource {

    private LiveResource() {
    }

    public static List<Route> routes(LiveConnections live) {
        return List.of(
                Route.get("/api/v1/devices/{id}/live").role(Role.VIEWER)
                        .doc("devices", "The device's mirrored state: an xAPI device's connection and subscribed "
                                + "status paths, or an XSI phone's last DeviceInformationX poll")
                        .response(LiveConnections.Live.class).handler(ex -> Reply.ok(live.view(ex.id("id")))),
                Route.get("/api/v1/live").role(Role.VIEWER)
                        .doc("devices", "How many xAPI devices this service process holds a live connection to")
                        .handler(ex -> Reply.ok(Map.of("connected", live.connectedCount()))));
    }
}
