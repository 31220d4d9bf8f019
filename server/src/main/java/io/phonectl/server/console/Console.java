package io.phonectl.server.console;

import io.phonectl.server.audit.AuditLog;
import io.phonectl.server.auth.Auth;
import io.phonectl.server.catalog.CatalogService;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.cucm.DiscoveryRuns;
import io.phonectl.server.cucm.SourceService;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.event.Events;
import io.phonectl.server.job.JobViews;
import io.phonectl.server.job.Jobs;
import io.phonectl.server.group.GroupService;
import io.phonectl.server.http.PageErrors;
import io.phonectl.server.http.Route;
import io.phonectl.server.live.LiveConnections;
import io.phonectl.server.notify.Notifications;
import io.phonectl.server.paging.AudioService;
import io.phonectl.server.paging.PageService;
import io.phonectl.server.readiness.ReadinessService;
import io.phonectl.server.relay.AuthRelay;

import java.util.ArrayList;
import java.util.List;

/**
 * The web console: server-rendered pages over the same services the REST API calls (no SQL here), served by the
 * same router under {@code /} (the API is under {@code /api/v1}). Every page states its least role in the router's
 * table, exactly like an API route, so a viewer's POST is refused by the same check; forms carry the session's
 * CSRF token. htmx (served from its WebJar) makes filters and paging smooth; every page reads without JavaScript.
 */
public final class Console {

    private Console() {
    }

    /** The services of the features built on jobs, which have console pages of their own. */
    public record Features(Notifications notifications, ReadinessService readiness, AudioService audio,
                           PageService pages, LiveConnections live, SourceService cucmSources,
                           DiscoveryRuns cucmRuns, AuthRelay relay) {
    }

    /** Every console route: the pages, their forms, and the static files. */
    public static List<Route> routes(Auth auth, AuditLog audit, CredentialService credentials, DeviceService devices,
                                     GroupService groups, CatalogService catalog, Jobs jobs, Events events,
                                     Features features, long maxImportBytes) {
        List<Route> all = new ArrayList<>();
        JobViews views = jobs.service().views();
        all.addAll(SignIn.routes(auth));
        all.addAll(DashboardPage.routes(devices, views, events.service(), features.relay()));
        all.addAll(DevicesPage.routes(devices, groups, maxImportBytes));
        all.addAll(DevicePage.routes(new DevicePage.Backend(devices, credentials, catalog, views, events.service(),
                jobs.operations(), features.live())));
        all.addAll(ComposePage.routes(jobs.service(), groups, catalog));
        all.addAll(JobsPage.routes(jobs.service(), new JobLive(views, events.service().hub())));
        all.addAll(NotificationsPage.routes(jobs.service(), features.notifications().receipts(), groups));
        all.addAll(TemplatesPage.routes(() -> features.notifications().templates(), groups));
        all.addAll(SchedulesPage.routes(() -> features.notifications().schedules(),
                () -> features.notifications().templates(),
                new SchedulesPage.Choices(groups, catalog, features.audio())));
        all.addAll(PagingPage.routes(features.audio(), features.pages(), groups));
        all.addAll(ReadinessPage.routes(features.readiness(), jobs.service(), groups));
        all.addAll(CucmPage.routes(features.cucmSources(), features.cucmRuns(), credentials));
        all.addAll(WebhooksPage.routes(events.webhooks()));
        all.addAll(UsersPage.routes(auth));
        all.addAll(TokensPage.routes(auth));
        all.addAll(AuditPage.routes(audit));
        all.addAll(StaticFiles.routes());
        return all;
    }

    /** How the router answers errors on console pages: redirects to sign in, or an error page. */
    public static PageErrors errors() {
        return new ConsoleErrors();
    }
}
