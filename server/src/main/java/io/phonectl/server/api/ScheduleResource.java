package io.phonectl.server.api;

import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;
import io.phonectl.server.notify.Schedule;
import io.phonectl.server.notify.ScheduleService;

import java.util.List;

/** Schedules: one-time and recurring (cron in a time zone) runs of a template or a saved job definition. */
public final class ScheduleResource {

    private static final String BASE = "/api/v1/schedules";

    private ScheduleResource() {
    }

    public static List<Route> routes(ScheduleService schedules) {
        return List.of(
                Route.post(BASE).role(Role.OPERATOR)
                        .doc("schedules", "Create a schedule (at, or cron with zone; holidays; runs a template or a job)")
                        .request(Schedule.Input.class).response(201, Schedule.class).handler(ex -> {
                            Schedule s = schedules.create(ex.json(Schedule.Input.class), ex.principal().name());
                            ex.target(s.id());
                            return Reply.created(s);
                        }),
                Route.get(BASE).role(Role.VIEWER).doc("schedules", "List schedules with their next runs").paged()
                        .responsePage(Schedule.class).handler(ex -> Reply.ok(schedules.list(ex.paging()))),
                Route.get(BASE + "/{id}").role(Role.VIEWER).doc("schedules", "One schedule with its next 5 runs")
                        .response(Schedule.class).handler(ex -> Reply.ok(schedules.get(ex.id("id")))),
                Route.put(BASE + "/{id}").role(Role.OPERATOR)
                        .doc("schedules", "Replace a schedule (enable or disable with enabled)")
                        .request(Schedule.Input.class).response(Schedule.class)
                        .handler(ex -> Reply.ok(schedules.update(ex.id("id"), ex.json(Schedule.Input.class)))),
                Route.delete(BASE + "/{id}").role(Role.OPERATOR).doc("schedules", "Delete a schedule")
                        .handler(ex -> {
                            schedules.delete(ex.id("id"));
                            return Reply.noContent();
                        }),
                Route.get(BASE + "/{id}/runs").role(Role.VIEWER)
                        .doc("schedules", "The slots that came: started (with the job), holiday, disabled, missed, failed")
                        .response(Schedule.History.class)
                        .handler(ex -> Reply.ok(new Schedule.History(schedules.runs(ex.id("id"))))));
    }
}
