package io.phonectl.bench;

import io.phonectl.server.PhonectlServer;
import io.phonectl.server.ServerConfig;
import io.phonectl.server.ServiceLogging;
import io.phonectl.server.auth.SecurityConfig;
import io.phonectl.server.auth.SessionService;
import io.phonectl.server.device.DeviceInput;
import io.phonectl.server.device.ImportReport;
import io.phonectl.server.device.ImportRow;
import io.phonectl.server.http.HttpConfig;
import io.phonectl.server.http.Role;
import io.phonectl.server.job.Job;
import io.phonectl.server.job.JobOptions;
import io.phonectl.server.job.JobRequest;
import io.phonectl.server.job.JobTarget;
import io.phonectl.xsi.model.ModelCatalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's page times with a large fleet in the database: starts the service in this JVM (H2 in a temporary
 * folder), imports N devices through the service layer (models of the model catalog, 20 sites, tags), runs a job
 * over all of them (N items), signs in a session, then GETs every page sequentially with the JDK client and reports
 * p50/p99/max per page; last, how long after a job's last outcome its page's live stream brings the final counts. The time is the
 * loopback round trip seen by the client (its own share included), so it is an upper bound of the server's time.
 *
 * <p>Arguments: [devices=10000] [requests per page=300] [warm-up requests per page=100]; {@code -Dpages=TEXT}
 * measures only the pages whose name contains TEXT.
 */
public final class ConsolePageBench {

    private ConsolePageBench() {
    }

    /**
     * How long after a job's last outcome its page shows the final counts: a reader of the page's live stream
     * (what htmx's SSE extension reads) from the job's creation; the time from the last item's outcome (the job's
     * own timing, on the same clock) to the arrival of the final counts. Five jobs of 10,000 items.
     */
    private static void finalCounts(io.phonectl.server.Services s, HttpClient client, URI base, String cookie,
                                    JobOptions once) throws Exception {
        for (int run = 1; run <= 5; run++) {
            Job job = s.jobs().service().create(new JobRequest("bench-live-" + run, new JobTarget(true, null, null,
                    null), "key_vol_down", Map.of(), null, once), "bench");
            HttpRequest req = HttpRequest.newBuilder(base.resolve("/jobs/" + job.id() + "/live"))
                    .header("Cookie", cookie).header("Accept", "text/event-stream").build();
            java.time.Instant arrived = null;
            int updates = 0;
            try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    client.send(req, HttpResponse.BodyHandlers.ofInputStream()).body(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.equals("event: counts")) {
                        updates++;
                    }
                    if (line.equals("event: done")) {
                        arrived = java.time.Instant.now();
                        break;
                    }
                }
            }
            Job done = s.jobs().service().views().get(job.id());
            java.time.Instant last = done.createdAt().plusMillis(done.timings().lastMillis());
            System.out.printf("final counts of job %d (%d items, %.1f s) on the page %d ms after its last outcome "
                            + "(%d live updates)%n", done.id(), done.total(), done.timings().lastMillis() / 1000.0,
                    java.time.Duration.between(last, arrived).toMillis(), updates);
        }
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        ServiceLogging.enable();
        Path dir = TempDirs.create("console-bench");
        ServerConfig config = ServerConfig.defaults(dir).withHttp(HttpConfig.loopback(0))
                .withSecurity(SecurityConfig.defaults().withAdminPassword("bench-admin-password"));
        try (PhonectlServer server = PhonectlServer.start(config)) {
            var s = server.services();
            long t0 = System.nanoTime();
            List<String> models = ModelCatalog.standard().models().stream().map(m -> m.name()).toList();
            s.credentials().create("bench", "admin", "bench-device-secret");
            List<ImportRow> rows = new ArrayList<>();
            for (int i = 1; i <= devices; i++) {
                // nothing listens on the discard port of 127.0.0.3: a job's pushes there end REFUSED at once
                rows.add(ImportRow.of(i, new DeviceInput(String.format("SEP%012X", i), "127.0.0.3:9",
                        models.get(i % models.size()), null, "site-" + (i % 20), List.of("floor-" + (i % 7)), null,
                        "bench")));
            }
            ImportReport report = s.devices().importRows(rows);
            System.out.printf("imported %d devices in %.1f s (%d refused)%n", report.added(),
                    (System.nanoTime() - t0) / 1e9, report.refused());
            s.auth().users().create("bench", Role.ADMIN, "bench-user-password", false);
            // a job over every device (the items in the database are what the job pages read)
            JobOptions once = new JobOptions(256, 600, 1, 2000, false, null, null, null, null);
            long t1 = System.nanoTime();
            Job job = s.jobs().service().create(new JobRequest("bench", new JobTarget(true, null, null, null),
                    "key_vol_down", Map.of(), null, once), "bench");
            while (!s.jobs().service().views().get(job.id()).state().equals("done")) {
                Thread.sleep(100);
            }
            Job done = s.jobs().service().views().get(job.id());
            System.out.printf("job %d: %d items done in %.1f s, counts %s%n", done.id(), done.total(),
                    (System.nanoTime() - t1) / 1e9, done.counts());
            SessionService.Login login = s.auth().sessions().login("bench", "bench-user-password", "127.0.0.1");
            String cookie = SessionService.COOKIE + "=" + login.sessionToken() + "; phonectl_csrf=" + login.csrfToken();
            long someDevice = s.devices().byName(String.format("SEP%012X", devices / 2)).orElseThrow().id();
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("dashboard", "/");
            pages.put("devices", "/devices");
            pages.put("devices sorted by model desc", "/devices?sort=-model");
            pages.put("devices where model", "/devices?where=model%3D8845");
            pages.put("devices free text", "/devices?q=site-7");
            pages.put("devices 200 rows", "/devices?limit=200");
            pages.put("device", "/devices/" + someDevice);
            pages.put("device + action form", "/devices/" + someDevice + "?action=object_text");
            pages.put("import", "/devices/import");
            pages.put("jobs", "/jobs");
            pages.put("job (10,000 items)", "/jobs/" + job.id());
            pages.put("job items by outcome", "/jobs/" + job.id() + "?outcome=REFUSED");
            pages.put("job items by model", "/jobs/" + job.id() + "?model=CP-8845");
            pages.put("compose", "/compose?action=object_text");
            pages.put("compose + preview (10,000)", "/compose?action=object_text&p.text=hi&target=all&preview=1");
            pages.put("users", "/users");
            pages.put("tokens", "/tokens");
            pages.put("audit", "/audit");
            pages.put("notifications", "/notifications");
            pages.put("notification compose", "/notifications/new");
            pages.put("templates", "/templates");
            pages.put("schedules", "/schedules");
            pages.put("paging", "/paging");
            pages.put("readiness", "/readiness");
            pages.put("cucm sources", "/cucm");
            pages.put("webhooks", "/webhooks");
            pages.put("dashboard again", "/");
            HttpClient client = HttpClient.newHttpClient();
            URI base = server.uri();
            System.out.printf("%-32s %8s %8s %8s %8s %9s%n", "page", "p50 ms", "p99 ms", "max ms", "bytes", "status");
            String only = System.getProperty("pages", "");
            for (Map.Entry<String, String> p : pages.entrySet()) {
                if (!only.isEmpty() && !p.getKey().contains(only)) {
                    continue;
                }
                HttpRequest req = HttpRequest.newBuilder(base.resolve(p.getValue())).header("Cookie", cookie).build();
                int status = 0;
                long bytes = 0;
                for (int i = 0; i < warmup; i++) {
                    client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                }
                long[] nanos = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long a = System.nanoTime();
                    HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    nanos[i] = System.nanoTime() - a;
                    status = r.statusCode();
                    bytes = r.body().length;
                }
                Arrays.sort(nanos);
                System.out.printf("%-32s %8.2f %8.2f %8.2f %8d %9d%n", p.getKey(), nanos[requests / 2] / 1e6,
                        nanos[(int) Math.ceil(requests * 0.99) - 1] / 1e6, nanos[requests - 1] / 1e6, bytes, status);
            }
            finalCounts(s, client, base, cookie, once);
        }
    }
}
