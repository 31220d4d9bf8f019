package io.phonectl.server.console;

import io.phonectl.server.device.DeviceService;
import io.phonectl.server.device.DeviceStats;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.util.List;

/** The dashboard: devices by last known state, by model and by site. */
public final class DashboardPage {

    /** How many models and sites the dashboard lists. */
    static final int TOP = 12;

    public record View(Frame frame, DeviceStats stats) {
    }

    private DashboardPage() {
    }

    static List<Route> routes(DeviceService devices) {
        return List.of(Route.get("/").role(Role.VIEWER).page().doc("console", "Dashboard")
                .handler(ex -> Html.page("dashboard.jte", new View(Html.frame(ex, "Dashboard", "dashboard"),
                        devices.stats(TOP)))));
    }
}
