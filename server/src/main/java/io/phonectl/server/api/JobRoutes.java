package io.phonectl.server.api;

import io.phonectl.server.event.Events;
import io.phonectl.server.http.Route;
import io.phonectl.server.job.Jobs;

import java.util.ArrayList;
import java.util.List;

/** The routes of jobs, one-device operations, events and webhooks (added to the router before the API document). */
public final class JobRoutes {

    private JobRoutes() {
    }

    public static List<Route> of(Jobs jobs, Events events) {
        List<Route> all = new ArrayList<>();
        all.addAll(JobResource.routes(jobs.service()));
        all.addAll(DeviceOperationResource.routes(jobs.operations()));
        all.addAll(EventResource.routes(events.service(), events.stream()));
        all.addAll(WebhookResource.routes(events.webhooks()));
        return all;
    }
}
