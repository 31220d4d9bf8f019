package io.phonectl.server.console;

import io.phonectl.server.device.DeviceService;
import io.phonectl.server.device.DeviceStats;
import io.phonectl.server.event.Event;
import io.phonectl.server.event.EventFilter;
import io.phonectl.server.event.EventService;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Role;
import io.phonectl.server.job.Job;
import io.phonectl.server.job.JobViews;
import io.phonectl.server.relay.AuthRelay;
import io.phonectl.server.relay.RelayFigures;
import io.phonectl.server.http.Route;

import java.util.List;

/**
 * The dashboard: devices by last known state, by model and by site; running and recent jobs; the last events; what
 * this process's authentication relay has answered.
 */
public final class DashboardPage {

    /** How many models and sites the dashboard lists. */
    static final int TOP = 12;

    public record View(Frame frame, DeviceStats stats, List<Job> running, List<Job> recent, List<Event> events,
                       RelayFigures relay) {
    }

    private DashboardPage() {
    }

    static List<Route> routes(DeviceService devices, JobViews jobs, EventService events, AuthRelay relay) {
        return List.of(Route.get("/").role(Role.VIEWER).page().doc("console", "Dashboard")
                .handler(ex -> Html.page("dashboard.jte", new View(Html.frame(ex, "Dashboard", "dashboard"),
                        devices.stats(TOP), jobs.list(new JobViews.Filter("running", null, null), Paging.first(10))
                        .items(), jobs.list(new JobViews.Filter(null, null, null), Paging.first(10)).items(),
                        events.latest(EventFilter.ALL, 10), relay.figures()))));
    }
}
