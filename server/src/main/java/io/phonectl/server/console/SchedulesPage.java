package io.phonectl.server.console;

import io.phonectl.server.catalog.CatalogService;
import io.phonectl.server.group.GroupService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;
import io.phonectl.server.job.JobRequest;
import io.phonectl.server.notify.Schedule;
import io.phonectl.server.notify.ScheduleService;
import io.phonectl.server.notify.Template;
import io.phonectl.server.notify.TemplateService;
import io.phonectl.server.paging.AudioService;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Schedules: the list with each one's next runs, a new one (one-time at a local time of a zone, or cron in a zone;
 * holidays skipped) that sends a template with values, runs a job (an action with its parameters) or pages a clip
 * (unicast or multicast) to a target, enable and disable, delete, and the slots that came with their jobs and pages.
 * Through {@link ScheduleService}, as {@code /api/v1/schedules}.
 */
public final class SchedulesPage {

    public record ListView(Frame frame, List<Schedule> schedules, long total, Map<Long, String> templates) {
    }

    /**
     * The new-schedule form as typed; {@code runs} is what a slot runs: {@code template} (with values), {@code job}
     * (an action of the catalog with its parameters, as {@code POST /api/v1/jobs} takes it) or {@code page}.
     */
    public record Input(String name, String kind, String at, String cron, String zone, String holidays,
                        String runs, long template, String variables, String action, String params,
                        boolean enabled) {
        static final Input EMPTY = new Input("", "once", "", "", "UTC", "", "template", 0, "", "", "", true);
    }

    public record NewView(Frame frame, Input in, List<Template> templates, List<CatalogService.Action> actions,
                          PageForm.Fields page, Forms.Target target, Forms.Problem problem) {
    }

    public record View(Frame frame, Schedule schedule, String template, List<Schedule.Run> runs) {
    }

    private SchedulesPage() {
    }

    /** What the new-schedule form offers besides templates: the catalog's actions and the stored clips. */
    record Choices(GroupService groups, CatalogService catalog, AudioService audio) {
    }

    static List<Route> routes(Supplier<ScheduleService> service, Supplier<TemplateService> templates,
                              Choices choices) {
        return List.of(
                Route.get("/schedules").role(Role.VIEWER).page().doc("console", "Schedules").handler(ex -> {
                    Page<Schedule> page = service.get().list(Paging.first(Paging.MAX_LIMIT));
                    Map<Long, String> names = new LinkedHashMap<>();
                    templates.get().list(Paging.first(Paging.MAX_LIMIT)).items()
                            .forEach(t -> names.put(t.id(), t.name()));
                    return Html.page("schedules.jte", new ListView(Html.frame(ex, "Schedules", "schedules"),
                            page.items(), page.total(), names));
                }),
                Route.get("/schedules/new").role(Role.OPERATOR).page().doc("console", "New schedule")
                        .handler(ex -> Html.page("schedule-new.jte", newView(ex, templates.get(), choices,
                                Input.EMPTY, Map.of(), Forms.Problem.NONE))),
                Route.post("/schedules").role(Role.OPERATOR).page().doc("console", "Create a schedule")
                        .handler(ex -> {
                            Map<String, List<String>> form = ex.form();
                            Input in = typed(form);
                            try {
                                Schedule s = service.get().create(input(in, form), ex.principal().name());
                                ex.target(s.id());
                                return Html.redirect("/schedules/" + s.id() + "?ok=created");
                            } catch (ApiException.Invalid | ApiException.Conflict | ApiException.NotFound e) {
                                NewView v = newView(ex, templates.get(), choices, in, form, Forms.Problem.of(e));
                                return Html.page(e.status(), "schedule-new.jte", new NewView(
                                        v.frame().withError(e.getMessage()), in, v.templates(), v.actions(), v.page(),
                                        v.target(), v.problem()));
                            }
                        }),
                Route.get("/schedules/{id}").role(Role.VIEWER).page().doc("console", "A schedule and its runs")
                        .handler(ex -> page(ex, service.get(), templates.get(), 200, null)),
                Route.post("/schedules/{id}/enabled").role(Role.OPERATOR).page()
                        .doc("console", "Enable or disable a schedule").handler(ex -> {
                            Schedule s = service.get().get(ex.id("id"));
                            try {
                                service.get().update(s.id(), new Schedule.Input(s.name(), s.at(), s.cron(), s.zone(),
                                        s.holidays(), !s.enabled(), s.runs()));
                            } catch (ApiException.Invalid | ApiException.Conflict e) {
                                return page(ex, service.get(), templates.get(), e.status(), e.getMessage());
                            }
                            return Html.redirect("/schedules/" + s.id() + "?ok=saved");
                        }),
                Route.post("/schedules/{id}/delete").role(Role.OPERATOR).page().doc("console", "Delete a schedule")
                        .handler(ex -> {
                            service.get().delete(ex.id("id"));
                            return Html.redirect("/schedules?ok=removed");
                        }));
    }

    private static Reply page(Exchange ex, ScheduleService service, TemplateService templates, int status,
                              String error) {
        Schedule s = service.get(ex.id("id"));
        String template = null;
        if (s.runs() != null && s.runs().template() != null) {
            try {
                template = templates.get(s.runs().template()).name();
            } catch (ApiException.NotFound e) {
                template = "(deleted template " + s.runs().template() + ")";
            }
        }
        Frame frame = Html.frame(ex, "Schedule " + s.name(), "schedules");
        return Html.page(status, "schedule.jte", new View(error == null ? frame : frame.withError(error), s, template,
                service.runs(s.id())));
    }

    private static NewView newView(Exchange ex, TemplateService templates, Choices choices, Input in,
                                   Map<String, List<String>> form, Forms.Problem problem) {
        return new NewView(Html.frame(ex, "New schedule", "schedules"), in,
                templates.list(Paging.first(Paging.MAX_LIMIT)).items(), choices.catalog().actions(),
                PageForm.fields(choices.audio(), form, problem), Forms.target("s", form, choices.groups()), problem);
    }

    private static Input typed(Map<String, List<String>> form) {
        String t = Forms.first(form, "template");
        String runs = Forms.first(form, "runs");
        return new Input(Forms.first(form, "sname"), Forms.first(form, "kind"), Forms.first(form, "at"),
                Forms.first(form, "cron"), Forms.first(form, "zone"), Forms.first(form, "holidays"),
                runs.isEmpty() ? "template" : runs, t.isBlank() ? 0 : Forms.id("template", t),
                Forms.first(form, "variables"), Forms.first(form, "action"), Forms.first(form, "params"),
                Forms.checked(form, "enabled"));
    }

    /** The schedule as the API takes it: a one-time slot is a local date and time of the schedule's zone. */
    static Schedule.Input input(Input in, Map<String, List<String>> form) {
        String zone = in.zone().isBlank() ? "UTC" : in.zone().strip();
        Instant at = null;
        String cron = null;
        if (in.kind().equals("cron")) {
            cron = in.cron().strip();
        } else {
            try {
                at = LocalDateTime.parse(in.at().strip()).atZone(ZoneId.of(zone)).toInstant();
            } catch (DateTimeParseException e) {
                throw new ApiException.Invalid("at", in.at(), "a local date and time such as 2027-01-31T14:00");
            } catch (DateTimeException e) {
                throw new ApiException.Invalid("zone", zone, "a time zone id such as Europe/Zurich (IANA tz database)");
            }
        }
        return new Schedule.Input(in.name().strip(), at, cron, zone, Forms.list(in.holidays()), in.enabled(),
                runs(in, form));
    }

    /** What each slot runs, as the API takes it. */
    private static Schedule.Runs runs(Input in, Map<String, List<String>> form) {
        switch (in.runs()) {
            case "job" -> {
                if (in.action().isBlank()) {
                    throw new ApiException.Invalid("runs.job.action", "", "an action of the catalog");
                }
                JobRequest job = new JobRequest(null, Forms.jobTarget(form), in.action().strip(),
                        ActionForm.params(lines("runs.job.params", in.params())), null, null);
                return new Schedule.Runs(null, null, null, null, job, null);
            }
            case "page" -> {
                return new Schedule.Runs(null, null, null, null, null, PageForm.request(form));
            }
            case "template" -> {
                if (in.template() == 0) {
                    throw new ApiException.Invalid("runs.template", "", "a template to send");
                }
                return new Schedule.Runs(in.template(), lines("runs.variables", in.variables()), Forms.jobTarget(form),
                        null, null, null);
            }
            default -> throw new ApiException.Invalid("runs", in.runs(), "template, job or page");
        }
    }

    /** {@code name=value} per line; a problem names {@code field}. */
    private static Map<String, String> lines(String field, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new ApiException.Invalid(field, line.strip(), "one name=value per line");
            }
            out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return out;
    }
}
