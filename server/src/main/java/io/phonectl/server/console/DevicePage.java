package io.phonectl.server.console;

import io.phonectl.server.catalog.CatalogService;
import io.phonectl.server.credential.Credential;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceInput;
import io.phonectl.server.device.DeviceService;
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
 * One device: its details and last known state, the edit form (operators), and the "send an action" form generated
 * from the action catalog with the model's support.
 */
public final class DevicePage {

    /** The device page. {@code edit} holds the values of the edit form (the device's, or what was refused). */
    public record View(Frame frame, Device device, DeviceInput edit, List<String> credentialSets, List<String> models,
                       ActionForm action) {
    }

    private DevicePage() {
    }

    static List<Route> routes(DeviceService devices, CredentialService credentials, CatalogService catalog) {
        return List.of(
                Route.get("/devices/{id}").role(Role.VIEWER).page().doc("console", "A device").handler(ex -> {
                    Device d = devices.get(ex.id("id"));
                    return Html.page("device.jte", view(ex, d, input(d), credentials, catalog,
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
                        return Html.page(e.status(), "device.jte", view(ex, d, in, credentials, catalog,
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

    private static View view(Exchange ex, Device d, DeviceInput edit, CredentialService credentials,
                             CatalogService catalog, Frame frame) {
        List<String> sets = frame.operator() ? credentials.list(Paging.first(Paging.MAX_LIMIT)).items().stream()
                .map(Credential::name).toList() : List.of();
        List<String> models = frame.operator() ? catalog.models().stream().map(CatalogService.Model::name).toList()
                : List.of();
        Map<String, String> values = new LinkedHashMap<>();
        ex.queryNames().stream().filter(n -> n.startsWith("p.")).forEach(n -> values.put(n.substring(2), ex.query(n)));
        return new View(frame, d, edit, sets, models, ActionForm.of(catalog, d, ex.query("action"), values));
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
