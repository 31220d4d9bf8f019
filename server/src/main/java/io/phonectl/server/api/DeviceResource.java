package io.phonectl.server.api;

import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceFiles;
import io.phonectl.server.device.DeviceInput;
import io.phonectl.server.device.DeviceSelector;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.device.DeviceStats;
import io.phonectl.server.device.ImportReport;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Devices: list by selector, create, read, change, delete, import (upload or server-side file), export. */
final class DeviceResource {

    private static final String BASE = "/api/v1/devices";

    private DeviceResource() {
    }

    static List<Route> routes(DeviceService devices, long maxImport) {
        return List.of(
                Route.get(BASE).role(Role.VIEWER).doc("devices", "List devices, filtered by selectors").paged()
                        .query("where", "string", "a selector, e.g. model=CP-8845;site=lab (repeatable: all must hold)")
                        .query("sort", "string", "id (default), name, address, model, site or kind; a leading - "
                                + "sorts descending").responsePage(Device.class)
                        .handler(ex -> {
                            String sort = ex.query("sort");
                            // the page's JSON as kept with it (written once per kept page, not per request)
                            return Reply.raw(200, "application/json", devices.listJson(selector(ex), ex.paging(),
                                    DeviceService.Sort.parse("sort", sort), sort != null && sort.strip().startsWith("-")));
                        }),
                Route.get(BASE + "/stats").role(Role.VIEWER)
                        .doc("devices", "The fleet at a glance: devices by last known state, the largest models and sites")
                        .query("top", "integer", "how many models and sites, 1..100 (default 10)")
                        .response(DeviceStats.class).handler(ex -> Reply.ok(devices.stats(top(ex.query("top"))))),
                Route.post(BASE).role(Role.OPERATOR).doc("devices", "Add a device").request(DeviceInput.class)
                        .response(201, Device.class).handler(ex -> {
                            Device d = devices.create(ex.json(DeviceInput.class));
                            ex.target(d.id());
                            return Reply.created(d);
                        }),
                Route.get(BASE + "/{id}").role(Role.VIEWER).doc("devices", "One device with its last known state")
                        .response(Device.class).handler(ex -> Reply.ok(devices.get(ex.id("id")))),
                Route.patch(BASE + "/{id}").role(Role.OPERATOR)
                        .doc("devices", "Change a device (members given replace; tags replace the list; \"\" clears)")
                        .request(DeviceInput.class).response(Device.class).handler(ex -> {
                            long id = ex.id("id");
                            return Reply.ok(devices.update(id, ex.json(DeviceInput.class)));
                        }),
                Route.delete(BASE + "/{id}").role(Role.OPERATOR).doc("devices", "Remove a device").response(204, null)
                        .handler(ex -> {
                            devices.delete(ex.id("id"));
                            return Reply.noContent();
                        }),
                Route.post(BASE + "/import").role(Role.OPERATOR).maxBody(maxImport)
                        .doc("devices", "Import a fleet file (CSV or JSON body, or ?path= of a file under an import "
                                + "root, admins only); one report line per row")
                        .query("path", "string", "a server-side file to import instead of the body (admins only)")
                        .request(String.class, "text/csv", "application/json").response(ImportReport.class)
                        .handler(ex -> Reply.ok(importFile(devices, ex, maxImport))),
                Route.get(BASE + "/export").role(Role.VIEWER)
                        .doc("devices", "Export devices as CSV or JSON (the import formats; never a secret)")
                        .query("format", "string", "csv (default) or json")
                        .query("where", "string", "a selector (repeatable)").responseType("text/csv")
                        .handler(ex -> export(devices, ex)));
    }

    private static DeviceSelector selector(Exchange ex) {
        return DeviceSelector.all("where", ex.queryAll("where"));
    }

    private static int top(String s) {
        if (s == null) {
            return 10;
        }
        try {
            int n = Integer.parseInt(s.strip());
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiException.Invalid("top", s, "an integer 1..100");
    }

    private static ImportReport importFile(DeviceService devices, Exchange ex, long maxImport) throws IOException {
        String path = ex.query("path");
        if (path == null) {
            return devices.importRows(DeviceFiles.read(ex.body(), DeviceFiles.format(ex.contentType())));
        }
        if (ex.principal().role() != Role.ADMIN) {
            throw new ApiException.Forbidden("forbidden", "importing a server-side file needs the role admin");
        }
        Path file = Path.of(path);
        if (!file.isAbsolute() || !Files.isRegularFile(file)) {
            throw new ApiException.Invalid("path", path, "the absolute path of a regular file on the server");
        }
        Path real = file.toRealPath();
        boolean allowed = false;
        for (Path root : devices.config().importRoots()) {
            if (Files.isDirectory(root) && real.startsWith(root.toRealPath())) {
                allowed = true;
                break;
            }
        }
        if (!allowed) {
            throw new ApiException.Invalid("path", path, "a file under an import root (" + devices.config().importRoots()
                    + "; serve --import-root adds one)");
        }
        long size = Files.size(real);
        if (size > maxImport) {
            throw new ApiException.TooLarge("path", path, "a file of at most " + maxImport + " bytes (" + size + ")");
        }
        ex.target(real.getFileName());
        return devices.importRows(DeviceFiles.read(Files.readAllBytes(real), DeviceFiles.format(real.toString())));
    }

    private static Reply export(DeviceService devices, Exchange ex) {
        String format = ex.query("format") == null ? "csv" : ex.query("format").toLowerCase(Locale.ROOT);
        DeviceSelector selector = selector(ex);
        return switch (format) {
            case "csv" -> Reply.stream("text/csv", out -> {
                DeviceFiles.writeCsvHeader(out);
                devices.forEach(selector, d -> {
                    try {
                        DeviceFiles.writeCsv(out, d);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }).header("Content-Disposition", "attachment; filename=\"devices.csv\"");
            case "json" -> Reply.stream("application/json", out -> {
                try (DeviceFiles.JsonWriter w = new DeviceFiles.JsonWriter(out)) {
                    devices.forEach(selector, w::write);
                }
            }).header("Content-Disposition", "attachment; filename=\"devices.json\"");
            default -> throw new ApiException.Invalid("format", format, "csv or json");
        };
    }
}
