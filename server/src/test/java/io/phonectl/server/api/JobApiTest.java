package io.phonectl.server.api;

import io.phonectl.server.http.Role;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.ServerTest;
import io.phonectl.server.testing.SimPhones;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Jobs over HTTP against simulated phones, on H2 and PostgreSQL: running, outcomes, targets, limits, roles. */
@ParameterizedClass
@EnumSource(Databases.class)
class JobApiTest extends ServerTest {

    static final String PHONES = "name=p-*";

    SimPhones phones;

    @BeforeParameterizedClassInvocation
    void phones() throws Exception {
        phones = SimPhones.start(6, List.of("CP-8845", "CP-7841", "CP-8865")).register(t.admin(), "p", "lab");
        secret(SimPhones.PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stopPhones() {
        if (phones != null) {
            phones.close();
        }
    }

    Http.Answer post(Http as, Map<String, Object> job) {
        return keep(as.post("/api/v1/jobs", job));
    }

    long create(Map<String, Object> job) {
        Http.Answer a = post(t.admin(), job);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asLong();
    }

    JsonNode waitFinal(long id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            String s = t.admin().get("/api/v1/jobs/" + id).json().get("state").asString();
            return s.equals("done") || s.equals("cancelled");
        });
        return keep(t.admin().get("/api/v1/jobs/" + id)).json();
    }

    static Map<String, Object> text(Map<String, Object> target) {
        return Map.of("target", target, "action", "object_text", "params", Map.of("title", "Hello", "text", "From a job"));
    }

    void assertProblem(Http.Answer a, int status, String field) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(a.json().get("field").asString()).as(a.body()).isEqualTo(field);
            assertThat(a.json().has("rule")).isTrue();
        }
    }

    @Test
    void aPhoneThatChallengesWithDigestIsAnsweredInDigest() throws Exception {
        // the catalog's auth=digest models (7940, 7960): the simulated phone refuses Basic, so only a Digest answer
        // to its challenge gets the push through
        SimPhones digest = SimPhones.start(1, List.of("CP-7960")).register(t.admin(), "dg", "lab");
        try {
            JsonNode job = waitFinal(create(text(Map.of("selector", "name=dg-*"))));
            assertThat(job.get("counts").path("EXECUTED").asLong(0)).as(job.toString()).isEqualTo(1);
        } finally {
            digest.close();
        }
    }

    @Test
    void aTextObjectReachesEveryPhoneOnceAndTheRegistryLearns() {
        long id = create(text(Map.of("selector", PHONES)));
        JsonNode job = waitFinal(id);
        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(job.get("total").asInt()).isEqualTo(6);
        assertThat(job.get("counts").get("EXECUTED").asInt()).as(job.toString()).isEqualTo(6);
        assertThat(job.get("pending").asInt()).isZero();
        assertThat(job.get("runs").asInt()).isEqualTo(1);
        for (String k : List.of("firstMillis", "medianMillis", "p99Millis", "lastMillis")) {
            assertThat(job.get("timings").get(k).isIntegralNumber()).as(k).isTrue();
        }
        JsonNode items = keep(t.admin().get("/api/v1/jobs/" + id + "/items")).json();
        assertThat(items.get("total").asInt()).isEqualTo(6);
        JsonNode first = items.get("items").get(0);
        assertThat(first.get("outcome").asString()).isEqualTo("EXECUTED");
        assertThat(first.get("success").asBoolean()).isTrue();
        assertThat(first.get("attempts").asInt()).isEqualTo(1);
        assertThat(first.get("items").get(0).get("status").asInt()).isZero();
        for (long d : phones.deviceIds()) {
            assertThat(SimPhones.received(phones.phone(d), w -> w.equals("CiscoIPPhoneText"))).isGreaterThanOrEqualTo(1);
            JsonNode device = keep(t.admin().get("/api/v1/devices/" + d)).json();
            assertThat(device.get("state").get("lastOutcome").asString()).isEqualTo("EXECUTED");
            assertThat(device.get("state").get("reachable").asBoolean()).isTrue();
        }
        JsonNode events = keep(t.admin().header("Accept", "application/json").get("/api/v1/events?job=" + id)).json();
        List<String> types = new ArrayList<>();
        events.get("items").forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).startsWith("job.created", "job.started").endsWith("job.done");
        String metrics = keep(t.http().get("/metrics")).body();
        assertThat(metrics).contains("phonectl_job_items_total{outcome=\"EXECUTED\"", "phonectl_push_latency_seconds_bucket",
                "phonectl_jobs{state=\"done\"", "phonectl_events_appended_total{type=\"job\"",
                "phonectl_sse_subscribers", "phonectl_job_runs_total");
    }

    @Test
    void allTargetsEveryDeviceAndTheTargetKindsResolveOnce() {
        long total = keep(t.admin().get("/api/v1/devices?limit=1")).json().get("total").asLong();
        long all = create(text(Map.of("all", true)));
        assertThat(waitFinal(all).get("total").asLong()).isEqualTo(total);
        long byModel = create(text(Map.of("selector", "model=CP-7841;" + PHONES)));
        assertThat(waitFinal(byModel).get("total").asInt()).isEqualTo(2);
        List<Long> two = phones.deviceIds().subList(0, 2);
        long listed = create(text(Map.of("devices", two)));
        assertThat(waitFinal(listed).get("total").asInt()).isEqualTo(2);
        Http.Answer group = keep(t.admin().post("/api/v1/groups", Map.of("name", "first-three", "kind", "static",
                "devices", phones.deviceIds().subList(0, 3))));
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        long byGroup = create(text(Map.of("groups", List.of(group.json().get("id").asLong()))));
        assertThat(waitFinal(byGroup).get("total").asInt()).isEqualTo(3);
    }

    @Test
    void targetsAreCheckedAtTheBoundary() {
        assertProblem(post(t.admin(), text(Map.of("all", true, "selector", PHONES))), 400, "target");
        assertProblem(post(t.admin(), text(Map.of("all", false))), 400, "target");
        assertProblem(post(t.admin(), text(Map.of("selector", "name=nothing-like-this"))), 400, "target");
        assertProblem(post(t.admin(), text(Map.of("selector", "colour=red"))), 400, "target.selector");
        assertProblem(post(t.admin(), text(Map.of("devices", List.of(999_999)))), 400, "target.devices");
        assertProblem(post(t.admin(), text(Map.of("groups", List.of(999_999)))), 400, "target.groups");
        List<Long> tooMany = new ArrayList<>();
        for (long i = 1; i <= 10_001; i++) {
            tooMany.add(i);
        }
        Http.Answer big = post(t.admin(), text(Map.of("devices", tooMany)));
        assertProblem(big, 400, "target.devices");
        assertThat(big.json().get("rule").asString()).contains("10000");
        assertProblem(post(t.admin(), Map.of("action", "object_text")), 400, "target");
    }

    @Test
    void aJobPacedBySubnetRunsToTheEnd() {
        // every simulated phone is on 127.0.0.1: one /24, one at a time (the SQL grouping runs on H2 and PostgreSQL)
        long id = create(Map.of("target", Map.of("selector", PHONES), "action", "object_text",
                "params", Map.of("title", "Paced", "text", "one at a time"),
                "options", Map.of("siteConcurrency", 1, "paceBy", "subnet")));
        JsonNode job = waitFinal(id);
        assertThat(job.get("counts").path("EXECUTED").asInt()).as(job.toString()).isEqualTo(phones.deviceIds().size());
    }

    @Test
    void optionsAndNameBothSidesOfEachLimit() {
        Map<String, Object> one = Map.of("devices", List.of(phones.deviceIds().getFirst()));
        record Limit(String member, Object ok, Object bad) {
        }
        for (Limit l : List.of(new Limit("concurrency", 10_000, 10_001), new Limit("concurrency", 1, 0),
                new Limit("deadlineSeconds", 604_800, 604_801), new Limit("attempts", 10, 11),
                new Limit("attempts", 1, 0), new Limit("timeoutMillis", 100, 99),
                new Limit("timeoutMillis", 600_000, 600_001), new Limit("siteConcurrency", 1, 0),
                new Limit("paceBy", "subnet", "rack"))) {
            Map<String, Object> good = new HashMap<>(text(one));
            good.put("options", Map.of(l.member(), l.ok()));
            assertThat(post(t.admin(), good).status()).as(l.toString()).isEqualTo(201);
            Map<String, Object> bad = new HashMap<>(text(one));
            bad.put("options", Map.of(l.member(), l.bad()));
            assertProblem(post(t.admin(), bad), 400, "options." + l.member());
        }
        Map<String, Object> named = new HashMap<>(text(one));
        named.put("name", "n".repeat(200));
        assertThat(post(t.admin(), named).status()).isEqualTo(201);
        named.put("name", "n".repeat(201));
        assertProblem(post(t.admin(), named), 400, "name");
        Map<String, Object> unknown = new HashMap<>(text(one));
        unknown.put("colour", "red");
        assertProblem(post(t.admin(), unknown), 400, "colour");
    }

    @Test
    void actionsAreBuiltAndCheckedBeforeAnythingIsStored() {
        Map<String, Object> one = Map.of("devices", List.of(phones.deviceIds().getFirst()));
        assertProblem(post(t.admin(), Map.of("target", one, "action", "no_such_action")), 400, "action");
        assertProblem(post(t.admin(), Map.of("target", one, "action", "object_text", "params",
                Map.of("title", "no text"))), 400, "params.text");
        assertProblem(post(t.admin(), Map.of("target", one, "action", "notify", "params", Map.of("host", "127.0.0.1",
                "port", 8080, "path", "/x"))), 400, "action");
        assertProblem(post(t.admin(), Map.of("target", one, "action", "xml", "xml", "<CiscoIPPhoneText><Text>")), 400,
                "xml");
        String head = "<CiscoIPPhoneText><Text>padded</Text><!--";
        String tail = "--></CiscoIPPhoneText>";
        String fits = head + "x".repeat(40_960 - head.length() - tail.length()) + tail;
        assertThat(post(t.admin(), Map.of("target", one, "action", "xml", "xml", fits)).status()).isEqualTo(201);
        String over = head + "x".repeat(40_961 - head.length() - tail.length()) + tail;
        assertProblem(post(t.admin(), Map.of("target", one, "action", "xml", "xml", over)), 400, "xml");
        assertProblem(post(t.admin(), Map.of("target", one, "action", "object_text", "params",
                Map.of("text", "$CALLBACK"))), 400, "options.callback");
        assertProblem(post(t.admin(), Map.of("target", one, "action", "object_text", "params", Map.of("text", "x"),
                "options", Map.of("callback", true))), 400, "options.callback");
        assertProblem(post(t.admin(), Map.of("target", one, "action", "xapi_command", "params",
                Map.of("Level", 5))), 400, "params.command");
    }

    @Test
    void viewersReadOperatorsWriteAndARevokedTokenIsRefused() {
        String viewer = t.tokenFor("jobs-viewer", Role.VIEWER);
        String operator = t.tokenFor("jobs-operator", Role.OPERATOR);
        secret(viewer);
        secret(operator);
        Map<String, Object> job = text(Map.of("devices", List.of(phones.deviceIds().getFirst())));
        assertProblem(post(t.http().bearer(viewer), job), 403, null);
        Http.Answer made = post(t.http().bearer(operator), job);
        assertThat(made.status()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        assertThat(keep(t.http().bearer(viewer).get("/api/v1/jobs/" + id)).status()).isEqualTo(200);
        assertThat(keep(t.http().bearer(viewer).get("/api/v1/jobs?createdBy=jobs-operator/jobs-operator-token"))
                .json().get("total").asInt()).isEqualTo(1);
        assertProblem(keep(t.http().bearer(viewer).post("/api/v1/jobs/" + id + "/cancel", "")), 403, null);
        long tokenId = keep(t.http().bearer(operator).get("/api/v1/tokens")).json().get("items").get(0).get("id").asLong();
        assertThat(keep(t.admin().delete("/api/v1/tokens/" + tokenId)).status()).isEqualTo(200);
        assertProblem(post(t.http().bearer(operator), job), 401, null);
        assertProblem(keep(t.http().get("/api/v1/jobs")), 401, null);
    }

    @Test
    void thePreflightSendsNothingAModelCannotShowAndMissingCredentialsAreNotSent() {
        JsonNode actions = keep(t.admin().get("/api/v1/catalog/actions")).json();
        String chosen = null;
        Map<String, Object> params = new HashMap<>();
        for (JsonNode a : actions.get("items")) {
            JsonNode support = a.get("support");
            if (support == null || support.isNull() || !a.get("kind").asString().equals("action")) {
                continue;
            }
            if (support.get("supported").toString().contains("\"CP-8845\"")
                    && support.get("unsupported").toString().contains("\"CP-7841\"")) {
                chosen = a.get("id").asString();
                a.get("params").forEach(p -> {
                    if (!p.get("example").isNull()) {
                        params.put(p.get("name").asString(), p.get("example").asString());
                    }
                });
                break;
            }
        }
        assertThat(chosen).as("an action CP-8845 supports and CP-7841 does not").isNotNull();
        long id = create(Map.of("target", Map.of("selector", "model=CP-7841,CP-8845;" + PHONES), "action", chosen,
                "params", params));
        JsonNode job = waitFinal(id);
        assertThat(job.get("counts").get("UNSUPPORTED").asInt()).isEqualTo(2);
        JsonNode unsupported = keep(t.admin().get("/api/v1/jobs/" + id + "/items?outcome=UNSUPPORTED")).json();
        for (JsonNode i : unsupported.get("items")) {
            assertThat(i.get("attempts").asInt()).isZero();
            assertThat(i.get("model").asString()).isEqualTo("CP-7841");
            assertThat(i.get("detail").asString()).isNotBlank();
        }
        Http.Answer bare = keep(t.admin().post("/api/v1/devices", Map.of("name", "no-credentials",
                "address", phones.host().phones().getFirst().address().getAddress().getHostAddress() + ":"
                        + phones.host().phones().getFirst().address().getPort(), "model", "CP-8845")));
        assertThat(bare.status()).as(bare.body()).isEqualTo(201);
        long none = create(text(Map.of("devices", List.of(bare.json().get("id").asLong()))));
        assertThat(waitFinal(none).get("counts").get("NO_CREDENTIALS").asInt()).isEqualTo(1);
    }

    @Test
    void refusedPhonesAreRetriedThenTheFailedOnesMakeANewLinkedJob() {
        Http.Answer dead = keep(t.admin().post("/api/v1/devices", Map.of("name", "dead-phone", "address", "127.0.0.1:1",
                "model", "CP-8845", "credentials", "lab")));
        assertThat(dead.status()).as(dead.body()).isEqualTo(201);
        long deadId = dead.json().get("id").asLong();
        List<Long> targets = List.of(phones.deviceIds().getFirst(), deadId);
        long id = create(text(Map.of("devices", targets)));
        JsonNode job = waitFinal(id);
        assertThat(job.get("counts").get("REFUSED").asInt()).isEqualTo(1);
        JsonNode refused = keep(t.admin().get("/api/v1/jobs/" + id + "/items?outcome=refused")).json();
        assertThat(refused.get("items").get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(keep(t.admin().get("/api/v1/devices/" + deadId)).json().get("state").get("reachable").asBoolean())
                .isFalse();
        Http.Answer retry = keep(t.admin().post("/api/v1/jobs/" + id + "/retry-failed", ""));
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        JsonNode again = waitFinal(retry.json().get("id").asLong());
        assertThat(again.get("retryOf").asLong()).isEqualTo(id);
        assertThat(again.get("total").asInt()).isEqualTo(1);
        Http.Answer onlyAuth = keep(t.admin().post("/api/v1/jobs/" + id + "/retry-failed",
                Map.of("outcomes", List.of("AUTH_FAILED"))));
        assertProblem(onlyAuth, 409, "outcome");
        assertProblem(keep(t.admin().post("/api/v1/jobs/" + id + "/retry-failed", Map.of("outcomes", List.of("NOPE")))),
                400, "outcomes");
        keep(t.admin().delete("/api/v1/devices/" + deadId));
    }

    @Test
    void cancelEndsThePendingItemsAndADeadlineEndsTheRest() {
        Map<String, Object> slow = Map.of("target", Map.of("selector", "model=CP-8845,CP-8865;" + PHONES),
                "action", "play_audio", "params", Map.of("filename", "Chime.raw"), "options", Map.of("concurrency", 1));
        long id = create(slow);
        JsonNode cancelled = keep(t.admin().post("/api/v1/jobs/" + id + "/cancel", "")).json();
        assertThat(cancelled.get("cancelRequested").asBoolean()).isTrue();
        JsonNode job = waitFinal(id);
        assertThat(job.get("state").asString()).isEqualTo("cancelled");
        assertThat(job.get("counts").get("CANCELLED").asInt()).isBetween(1, 4);
        assertProblem(keep(t.admin().post("/api/v1/jobs/" + id + "/cancel", "")), 409, "state");
        assertProblem(keep(t.admin().post("/api/v1/jobs/999999/cancel", "")), 404, null);

        long late = create(slow);
        await().atMost(Duration.ofSeconds(30)).until(() -> keep(t.admin().get("/api/v1/jobs/" + late)).json()
                .get("inFlight").asInt() >= 1);
        t.clock.advance(Duration.ofHours(1));
        JsonNode ended = waitFinal(late);
        assertThat(ended.get("state").asString()).isEqualTo("done");
        assertThat(ended.get("counts").get("DEADLINE_EXCEEDED").asInt()).isBetween(1, 3);
    }

    @Test
    void itemsPageAndFilterAndExportAsCsvAndJson() {
        long id = create(text(Map.of("selector", PHONES)));
        waitFinal(id);
        JsonNode p1 = keep(t.admin().get("/api/v1/jobs/" + id + "/items?limit=4")).json();
        assertThat(p1.get("items").size()).isEqualTo(4);
        JsonNode p2 = keep(t.admin().get("/api/v1/jobs/" + id + "/items?limit=4&cursor=" + p1.get("next").asString()))
                .json();
        assertThat(p2.get("items").size()).isEqualTo(2);
        assertThat(p2.get("next").isNull()).isTrue();
        assertThat(p2.get("items").get(0).get("id").asLong()).isGreaterThan(p1.get("items").get(3).get("id").asLong());
        assertThat(keep(t.admin().get("/api/v1/jobs/" + id + "/items?model=CP-7841")).json().get("total").asInt())
                .isEqualTo(2);
        assertThat(keep(t.admin().get("/api/v1/jobs/" + id + "/items?outcome=EXECUTED,TIMED_OUT&state=final")).json()
                .get("total").asInt()).isEqualTo(6);
        assertProblem(keep(t.admin().get("/api/v1/jobs/" + id + "/items?outcome=GREAT")), 400, "outcome");
        assertProblem(keep(t.admin().get("/api/v1/jobs/" + id + "/items?state=sleeping")), 400, "state");
        assertProblem(keep(t.admin().get("/api/v1/jobs/" + id + "/items?limit=1001")), 400, "limit");
        assertProblem(keep(t.admin().get("/api/v1/jobs?state=asleep")), 400, "state");
        Http.Answer csv = keep(t.admin().get("/api/v1/jobs/" + id + "/export?format=csv"));
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\n");
        assertThat(lines).hasSize(7);
        assertThat(lines[0]).startsWith("id,deviceId,name,address,model");
        assertThat(lines[1]).contains(",EXECUTED,true,1,");
        JsonNode json = keep(t.admin().get("/api/v1/jobs/" + id + "/export?format=json")).json();
        assertThat(json.size()).isEqualTo(6);
        assertThat(json.get(0).get("outcome").asString()).isEqualTo("EXECUTED");
        assertProblem(keep(t.admin().get("/api/v1/jobs/" + id + "/export?format=xml")), 400, "format");
    }

    @Test
    void collectionJobsKeepScreenshotsAndPages() {
        long id = create(Map.of("target", Map.of("selector", "model=CP-8845;" + PHONES), "action", "get_screenshot"));
        JsonNode job = waitFinal(id);
        assertThat(job.get("counts").get("COLLECTED").asInt()).as(job.toString()).isEqualTo(2);
        JsonNode item = keep(t.admin().get("/api/v1/jobs/" + id + "/items")).json().get("items").get(0);
        assertThat(item.get("result").get("contentType").asString()).isEqualTo("image/png");
        Http.Answer png = keep(t.admin().get("/api/v1/jobs/" + id + "/items/" + item.get("id").asLong() + "/result"));
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.raw().body()).startsWith("\uFFFDPNG");
        long pages = create(Map.of("target", Map.of("selector", "model=CP-7841;" + PHONES), "action",
                "query_device_information_xml"));
        JsonNode pj = waitFinal(pages);
        assertThat(pj.get("counts").get("COLLECTED").asInt()).isEqualTo(2);
        JsonNode pi = keep(t.admin().get("/api/v1/jobs/" + pages + "/items")).json().get("items").get(0);
        Http.Answer xml = keep(t.admin().get("/api/v1/jobs/" + pages + "/items/" + pi.get("id").asLong() + "/result"));
        assertThat(xml.body()).contains("<DeviceInformation");
        assertProblem(keep(t.admin().get("/api/v1/jobs/" + pages + "/items/999999/result")), 404, null);
    }

    @Test
    void aJobCanPutTheServicesCallbackIntoWhatItPushes() throws Exception {
        long device = phones.deviceIds().getFirst();
        SimPhone phone = phones.phone(device);
        long id = create(Map.of("target", Map.of("devices", List.of(device)), "action", "start_media",
                "params", Map.of("ip", "127.0.0.1", "port", 20480, "notifyURI", "$CALLBACK"),
                "options", Map.of("callback", true)));
        JsonNode job = waitFinal(id);
        assertThat(job.get("counts").path("MEDIA_STARTED").asInt()).as(job.toString()).isEqualTo(1);
        assertThat(keep(t.admin().get("/api/v1/jobs/" + id + "/items")).json().get("items").get(0).get("streamId")
                .asString()).isNotBlank();
        var inspect = java.net.http.HttpClient.newHttpClient();
        var press = java.net.http.HttpRequest.newBuilder(phones.host().inspectionUri().orElseThrow()
                        .resolve("phones/" + phone.name() + "/onhook"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        assertThat(inspect.send(press, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> keep(t.admin().header("Accept", "application/json")
                .get("/api/v1/events?type=device.media&job=" + id)).json().get("total").asInt() == 1);
        JsonNode e = keep(t.admin().header("Accept", "application/json").get("/api/v1/events?type=device.media&job=" + id))
                .json().get("items").get(0);
        assertThat(e.get("device").asLong()).isEqualTo(device);
        assertThat(e.get("data").get("event").asString()).isEqualTo("stopped");
        assertThat(e.get("data").get("origin").asString()).isEqualTo("user");
    }
}
