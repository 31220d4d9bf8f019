package io.phonectl.server.console;

import io.phonectl.server.catalog.CatalogService;
import io.phonectl.server.credential.Credential;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceInput;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.event.Event;
import io.phonectl.server.event.EventFilter;
import io.phonectl.server.event.EventService;
import io.phonectl.server.job.DeviceOperations;
import io.phonectl.server.job.JobViews;
import io.phonectl.server.live.LiveConnections;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One device: its details and last known state, its history (its items in jobs) and events, the six device pages
 * as tables and a screenshot (asked of the device on request), the "send an action" form generated from the action
 * catalog with the model's support (sent at once, the outcome shown), and the edit form (operators).
 */
public final class DevicePage {

    /**
     * The device page. {@code edit} holds the values of the edit form (the device's, or what was refused);
     * {@code live} what was asked of the device itself on this request (an action's outcome, a screenshot, a page).
     */
    public record View(Frame frame, Device device, DeviceInput edit, List<String> credentialSets, List<String> models,
                       ActionForm action, List<JobViews.DeviceItem> history, List<Event> events, DeviceLive live,
                       XapiPanel xapi) {
    }

    /** The six device-information pages, in the order of the page picker. */
    public static final List<String> INFO_PAGES = List.of("device", "network", "ethernet", "port", "log", "streaming");

    static final int HISTORY = 20;

    private DevicePage() {
    }

    /** What the page needs besides the device registry. */
    record Backend(DeviceService devices, CredentialService credentials, CatalogService catalog, JobViews jobs,
                   EventService events, DeviceOperations operations, LiveConnections live) {
    }

    static List<Route> routes(Backend b) {
        DeviceService devices = b.devices();
        return List.of(
                Route.get("/devices/{id}").role(Role.VIEWER).page().doc("console", "A device").handler(ex -> {
                    Device d = devices.get(ex.id("id"));
                    DeviceLive live = DeviceLive.read(b.operations(), d, ex.query("shot") != null, ex.query("info"),
                            ex.query("n"));
                    return Html.page("device.jte", view(ex, b, devices.get(d.id()), input(d), live,
                            Html.frame(ex, d.name(), "devices")));
                }),
                Route.post("/devices/{id}/xapi").role(Role.OPERATOR).page()
                        .doc("console", "Send an xAPI command to a RoomOS or PhoneOS device").handler(ex -> {
                            long id = ex.id("id");
                            Device d = devices.get(id);
                            Map<String, List<String>> form = ex.form();
                            String command = SignIn.first(form, "xcommand");
                            Map<String, String> values = prefixed(form, "x.");
                            XapiPanel x;
                            int status = 200;
                            try {
                                x = XapiPanel.of(b.live(), d, command, values, b.operations().action(id,
                                        XapiPanel.request(command, values), ex.principal().name()), null);
                            } catch (ApiException.Invalid e) {
                                x = XapiPanel.of(b.live(), d, command, values, null, e.getMessage());
                                status = 400;
                            }
                            View v = view(ex, b, devices.get(id), input(d), DeviceLive.NONE,
                                    Html.frame(ex, d.name(), "devices"));
                            return Html.page(status, "device.jte", new View(v.frame(), v.device(), v.edit(),
                                    v.credentialSets(), v.models(), v.action(), v.history(), v.events(), v.live(), x));
                        }),
                Route.get("/devices/{id}/events/live").role(Role.VIEWER).page()
                        .doc("console", "A device's events as Server-Sent Events of HTML rows, as they happen")
                        .handler(ex -> {
                            long id = ex.id("id");
                            devices.get(id);
                            return new DeviceEvents(b.events().hub()).stream(id);
                        }),
                Route.post("/devices/{id}/send").role(Role.OPERATOR).page().doc("console", "Send an action to a device")
                        .handler(ex -> {
                            long id = ex.id("id");
                            Device d = devices.get(id);
                            Map<String, List<String>> form = ex.form();
                            Map<String, String> values = prefixed(form, "p.");
                            DeviceLive live;
                            int status = 200;
                            try {
                                live = DeviceLive.sent(SignIn.first(form, "action"), b.operations().action(id, new DeviceOperations.ActionRequest(
                                        SignIn.first(form, "action"), ActionForm.params(values), null, null),
                                        ex.principal().name()));
                            } catch (ApiException.Invalid e) {
                                live = DeviceLive.refused(e.getMessage());
                                status = 400;
                            }
                            return Html.page(status, "device.jte", view(ex, b, devices.get(id), input(d), live,
                                    Html.frame(ex, d.name(), "devices")));
                        }),
                Route.post("/devices/{id}").role(Role.OPERATOR).page().doc("console", "Change a device").handler(ex -> {
                    long id = ex.id("id");
                    Device d = devices.get(id);
                    Map<String, List<String>> form = ex.form();
                    DeviceInput in = new DeviceInput(f(form, "name"), f(form, "address"), f(form, "model"),
                            f(form, "kind"), f(form, "site"), tags(f(form, "tags")), f(form, "user"),
                            f(form, "credentials"));
                    try {
                        devices.update(id, in);
                    } catch (ApiException.Invalid | ApiException.Conflict e) {
                        return Html.page(e.status(), "device.jte", view(ex, b, d, in, DeviceLive.NONE,
                                Html.frame(ex, d.name(), "devices").withError(e.getMessage())));
                    }
                    return Html.redirect("/devices/" + id + "?ok=saved");
                }),
                Route.post("/devices/{id}/delete").role(Role.OPERATOR).page().doc("console", "Delete a device")
                        .handler(ex -> {
                            devices.delete(ex.id("id"));
                            return Html.redirect("/devices?ok=deleted");
                        }));
    }

    private static View view(Exchange ex, Backend b, Device d, DeviceInput edit, DeviceLive live, Frame frame) {
        List<String> sets = frame.operator() ? b.credentials().list(Paging.first(Paging.MAX_LIMIT)).items().stream()
                .map(Credential::name).toList() : List.of();
        List<String> models = frame.operator() ? b.catalog().models().stream().map(CatalogService.Model::name).toList()
                : List.of();
        Map<String, String> values = new LinkedHashMap<>();
        ex.queryNames().stream().filter(n -> n.startsWith("p.")).forEach(n -> values.put(n.substring(2), ex.query(n)));
        String chosen = ex.query("action");
        if (chosen == null && live.outcome() != null) {
            chosen = live.action();
        }
        Map<String, String> xValues = new LinkedHashMap<>();
        ex.queryNames().stream().filter(n -> n.startsWith("x.")).forEach(n -> xValues.put(n.substring(2), ex.query(n)));
        return new View(frame, d, edit, sets, models, ActionForm.of(b.catalog(), d, chosen, values),
                b.jobs().deviceHistory(d.id(), HISTORY),
                b.events().latest(new EventFilter(java.util.Set.of(), java.util.Set.of(d.id()), List.of()), HISTORY),
                live, XapiPanel.of(b.live(), d, ex.query("xcommand"), xValues, null, null));
    }

    private static Map<String, String> prefixed(Map<String, List<String>> form, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(prefix) && !v.isEmpty()) {
                values.put(k.substring(prefix.length()), v.get(0));
            }
        });
        return values;
    }

    private static DeviceInput input(Device d) {
        return new DeviceInput(d.name(), d.address(), d.model(), d.kind().spelling(), d.site(), d.tags(), d.user(),
                d.credentials() == null ? "" : d.credentials());
    }

    private static String f(Map<String, List<String>> form, String name) {
        return SignIn.first(form, name).strip();
    }

    /** Tags as typed: separated by commas, semicolons or spaces. */
    static List<String> tags(String text) {
        return Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
