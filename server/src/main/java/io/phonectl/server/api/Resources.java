package io.phonectl.server.api;

import io.phonectl.server.audit.AuditLog;
import io.phonectl.server.auth.Auth;
import io.phonectl.server.catalog.CatalogService;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.group.GroupService;
import io.phonectl.server.health.Health;
import io.phonectl.server.http.Route;
import io.phonectl.server.http.Router;
import io.phonectl.server.metrics.Metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Every REST resource's routes, in one router. Resource classes only translate HTTP to service calls; a new
 * resource adds its {@code routes(...)} here (and the OpenAPI document follows by itself).
 */
public final class Resources {

    private Resources() {
    }

    /**
     * The foundation's routes: system, session, users, tokens, audit, credentials, devices, groups, catalog.
     * Features built later (jobs, events) add theirs with {@link Router#addAll} before the API document's route.
     */
    public static Router router(Health health, Metrics metrics, Auth auth, AuditLog audit,
                                CredentialService credentials, DeviceService devices, GroupService groups,
                                CatalogService catalog, long maxImportBytes) {
        Router router = new Router();
        List<Route> all = new ArrayList<>();
        all.addAll(SystemResource.routes(health, metrics));
        all.addAll(SessionResource.routes(auth));
        all.addAll(UserResource.routes(auth));
        all.addAll(TokenResource.routes(auth));
        all.addAll(AuditResource.routes(audit));
        all.addAll(CredentialResource.routes(credentials));
        all.addAll(DeviceResource.routes(devices, maxImportBytes));
        all.addAll(GroupResource.routes(groups));
        all.addAll(CatalogResource.routes(catalog));
        router.addAll(all);
        return router;
    }

    /** The API document's route; added last so that it describes every other route. */
    public static Route openApi(Router router, String version) {
        return SystemResource.openApi(router, version);
    }
}
