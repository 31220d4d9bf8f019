package io.phonectl.server.api;

import io.phonectl.server.catalog.CatalogService;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.util.List;

/** The action catalog and the model catalog, for clients that build forms and check support before they send. */
final class CatalogResource {

    private CatalogResource() {
    }

    static List<Route> routes(CatalogService catalog) {
        return List.of(
                Route.get("/api/v1/catalog/actions").role(Role.VIEWER)
                        .doc("catalog", "Every control-spec action: parameters, allowed values, per-model support")
                        .responsePage(CatalogService.Action.class).handler(ex -> {
                            List<CatalogService.Action> all = catalog.actions();
                            return Reply.ok(new Page<>(all, null, all.size()));
                        }),
                Route.get("/api/v1/catalog/actions/{action}").role(Role.VIEWER).doc("catalog", "One action")
                        .response(CatalogService.Action.class)
                        .handler(ex -> Reply.ok(catalog.action(ex.pathParam("action")))),
                Route.get("/api/v1/catalog/models").role(Role.VIEWER).doc("catalog", "The phone models of the model catalog")
                        .responsePage(CatalogService.Model.class).handler(ex -> {
                            List<CatalogService.Model> all = catalog.models();
                            return Reply.ok(new Page<>(all, null, all.size()));
                        }));
    }
}
