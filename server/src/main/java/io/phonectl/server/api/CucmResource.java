package io.phonectl.server.api;

import io.phonectl.server.cucm.CucmChange;
import io.phonectl.server.cucm.CucmPhone;
import io.phonectl.server.cucm.CucmRun;
import io.phonectl.server.cucm.CucmSource;
import io.phonectl.server.cucm.DiscoveryRuns;
import io.phonectl.server.cucm.SourceInput;
import io.phonectl.server.cucm.SourceService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.util.List;

/** CUCM sources (admin writes, viewers read), their discovery runs, the changes of each run and their phones. */
public final class CucmResource {

    private static final String BASE = "/api/v1/cucm-sources";

    private CucmResource() {
    }

    public static List<Route> routes(SourceService sources, DiscoveryRuns runs) {
        return List.of(
                Route.get(BASE).role(Role.VIEWER).doc("cucm", "CUCM sources (never a password)")
                        .responsePage(CucmSource.class).handler(ex -> {
                            List<CucmSource> all = sources.list();
                            return Reply.ok(new Page<>(all, null, all.size()));
                        }),
                Route.post(BASE).role(Role.ADMIN).doc("cucm", "Add a CUCM source: publisher, credential set, trust, "
                                + "the site and tags its devices get")
                        .request(SourceInput.class).response(201, CucmSource.class).handler(ex -> {
                            CucmSource s = sources.create(ex.json(SourceInput.class));
                            ex.target(s.id());
                            return Reply.created(s);
                        }),
                Route.get(BASE + "/{id}").role(Role.VIEWER).doc("cucm", "One CUCM source").response(CucmSource.class)
                        .handler(ex -> Reply.ok(sources.get(ex.id("id")))),
                Route.patch(BASE + "/{id}").role(Role.ADMIN).doc("cucm", "Change a CUCM source (absent members stay)")
                        .request(SourceInput.class).response(CucmSource.class).handler(ex -> {
                            ex.target(ex.id("id"));
                            return Reply.ok(sources.update(ex.id("id"), ex.json(SourceInput.class)));
                        }),
                Route.delete(BASE + "/{id}").role(Role.ADMIN)
                        .doc("cucm", "Delete a CUCM source with its runs (the devices it added stay)")
                        .response(204, null).handler(ex -> {
                            ex.target(ex.id("id"));
                            sources.delete(ex.id("id"));
                            return Reply.noContent();
                        }),
                Route.post(BASE + "/{id}/discover").role(Role.ADMIN)
                        .doc("cucm", "Start a discovery run now: an incremental sync when the source has a sync "
                                + "position, else (or with mode=full) a full pass")
                        .query("mode", "string", "full to force a full pass; absent for sync when possible")
                        .response(201, CucmRun.class).handler(ex -> {
                            String mode = ex.query("mode");
                            if (mode != null && !mode.equals("full") && !mode.equals("sync")) {
                                throw new ApiException.Invalid("mode", mode, "full or sync (or absent)");
                            }
                            ex.target(ex.id("id"));
                            return Reply.created(runs.start(ex.id("id"), "full".equals(mode), ex.principal().name()));
                        }),
                Route.get(BASE + "/{id}/runs").role(Role.VIEWER).doc("cucm", "A source's runs, newest first").paged()
                        .responsePage(CucmRun.class).handler(ex -> Reply.ok(runs.runs(ex.id("id"), ex.paging()))),
                Route.get(BASE + "/{id}/runs/{runId}").role(Role.VIEWER).doc("cucm", "One run with its counts")
                        .response(CucmRun.class).handler(ex -> Reply.ok(runs.run(ex.id("id"), ex.id("runId")))),
                Route.get(BASE + "/{id}/runs/{runId}/changes").role(Role.VIEWER)
                        .doc("cucm", "What a run changed, phone by phone").paged().responsePage(CucmChange.class)
                        .handler(ex -> Reply.ok(runs.changes(ex.id("id"), ex.id("runId"), ex.paging()))),
                Route.get(BASE + "/{id}/phones").role(Role.VIEWER)
                        .doc("cucm", "The source's phones as CUCM last described them: registration, address, node")
                        .paged().responsePage(CucmPhone.class)
                        .handler(ex -> Reply.ok(runs.phones(ex.id("id"), ex.paging()))));
    }
}
