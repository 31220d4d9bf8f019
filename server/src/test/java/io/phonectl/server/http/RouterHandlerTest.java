package io.phonectl.server.http;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plumbing on its own: a router of test routes behind the real Jetty handler on a loopback port, an
 * authenticator that knows one bearer token per role, and an audit sink that records.
 */
class RouterHandlerTest {

    static final long CAP = 2048;

    record Thing(String name, int size) {
    }

    static HttpServer server;
    static final List<String> audited = new CopyOnWriteArrayList<>();
    /** The audit of POST /held waits for {@link #release} once it has counted {@link #auditing} down. */
    static final CountDownLatch auditing = new CountDownLatch(1);
    static final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void start() throws Exception {
        Router router = new Router()
                .add(Route.get("/things/{id}").role(Role.VIEWER).handler(ex -> Reply.ok(new Thing("t" + ex.id("id"), 1))))
                .add(Route.get("/things/special").role(Role.VIEWER).handler(ex -> Reply.ok(new Thing("special", 2))))
                .add(Route.post("/things").role(Role.OPERATOR).handler(ex -> {
                    Thing t = ex.json(Thing.class);
                    ex.target(t.name());
                    return Reply.created(t);
                }))
                .add(Route.post("/held").role(Role.OPERATOR).handler(ex -> Reply.created(new Thing("held", 0))))
                .add(Route.post("/raw").role(Role.OPERATOR).handler(ex -> Reply.ok(new Thing("raw", ex.body().length))))
                .add(Route.get("/boom").open().handler(ex -> {
                    throw new IllegalStateException("secret-internal-detail");
                }))
                .add(Route.get("/page").open().paged().handler(ex -> Reply.ok(ex.paging())))
                .add(Route.get("/big/{n}").open().handler(ex -> Reply.ok(big((int) ex.id("n")))));
        Authenticator auth = request -> {
            String a = request.getHeaders().get("Authorization");
            if (a == null) {
                return Principal.ANONYMOUS;
            }
            for (Role r : Role.values()) {
                if (a.equals("Bearer " + r.spelling())) {
                    return new Principal(Principal.Kind.TOKEN, 1, "u/" + r.spelling(), r, null, false, 1);
                }
            }
            throw new ApiException.Unauthenticated("unknown token");
        };
        AuditSink sink = (who, actor, method, route, target, address, status) -> {
            if (route.equals("/held")) {
                auditing.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            audited.add(actor + " " + method + " " + route + " " + target + " " + status);
        };
        server = HttpServer.start(HttpConfig.loopback(0).withMaxBody(CAP),
                new RouterHandler(router, auth, sink, new SimpleMeterRegistry(), CAP));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    Http http(Role r) {
        return Http.at(server.uri()).bearer(r.spelling());
    }

    @Test
    void literalSegmentsBeatParametersAndIdsAreChecked() {
        assertThat(http(Role.VIEWER).get("/things/special").json().get("name").asString()).isEqualTo("special");
        assertThat(http(Role.VIEWER).get("/things/7").json().get("name").asString()).isEqualTo("t7");
        Http.Answer bad = http(Role.VIEWER).get("/things/x7");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("field").asString()).isEqualTo("id");
        assertThat(bad.json().get("value").asString()).isEqualTo("x7");
    }

    @Test
    void unknownPathAndWrongMethodAreProblems() {
        Http.Answer none = http(Role.VIEWER).get("/nothing/here");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("type").asString()).isEqualTo("urn:phonectl:problem:no-route");
        Http.Answer wrong = http(Role.VIEWER).delete("/things/7");
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.header("Allow")).isEqualTo("GET");
    }

    @Test
    void rolesAndAuthentication() {
        assertThat(Http.at(server.uri()).get("/things/1").status()).isEqualTo(401);
        assertThat(Http.at(server.uri()).get("/things/1").header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(Http.at(server.uri()).bearer("nope").get("/things/1").status()).isEqualTo(401);
        Http.Answer viewerWrites = http(Role.VIEWER).post("/things", new Thing("a", 1));
        assertThat(viewerWrites.status()).isEqualTo(403);
        assertThat(viewerWrites.json().get("detail").asString()).contains("operator");
        assertThat(http(Role.OPERATOR).post("/things", new Thing("a", 1)).status()).isEqualTo(201);
        assertThat(http(Role.ADMIN).post("/things", new Thing("b", 1)).status()).isEqualTo(201);
        assertThat(audited).contains("u/viewer POST /things null 403", "u/operator POST /things a 201");
    }

    @Test
    void aCallIsAuditedBeforeItsAnswerLeaves() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            CompletableFuture<HttpResponse<String>> answer = client.sendAsync(HttpRequest.newBuilder(
                            URI.create(server.uri() + "/held")).header("Authorization", "Bearer operator")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            try {
                assertThat(auditing.await(30, TimeUnit.SECONDS)).as("the call reached its audit").isTrue();
                // while its audit entry is being written, the answer has not left (written after it, it would
                // be here within milliseconds on loopback)
                assertThatThrownBy(() -> answer.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            } finally {
                release.countDown();
            }
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            assertThat(audited).contains("u/operator POST /held null 201");
        }
    }

    @Test
    void unknownMembersAndWrongTypesNameTheField() {
        Http.Answer unknown = http(Role.OPERATOR).post("/things", "{\"name\":\"a\",\"size\":1,\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asString()).isEqualTo("colour");
        assertThat(unknown.json().get("value").asString()).isEqualTo("colour");
        assertThat(unknown.json().get("rule").asString()).contains("name", "size");
        Http.Answer type = http(Role.OPERATOR).post("/things", "{\"name\":\"a\",\"size\":\"big\"}");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.json().get("field").asString()).isEqualTo("size");
        assertThat(type.json().get("rule").asString()).contains("integer");
        Http.Answer malformed = http(Role.OPERATOR).post("/things", "{\"name\":");
        assertThat(malformed.status()).isEqualTo(400);
        Http.Answer trailing = http(Role.OPERATOR).post("/things", "{\"name\":\"a\",\"size\":1} {}");
        assertThat(trailing.status()).isEqualTo(400);
        Http.Answer media = http(Role.OPERATOR).send("POST", "/things", "text/plain", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(media.status()).isEqualTo(415);
        assertThat(media.json().get("field").asString()).isEqualTo("Content-Type");
    }

    /** n things with instants: a JSON body of about 100 bytes per thing. */
    static List<Object> big(int n) {
        List<Object> things = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            things.add(java.util.Map.of("thing", new Thing("t\u00e9" + i, i), "at",
                    java.time.Instant.ofEpochSecond(1_780_000_000L + i, i * 1_000L)));
        }
        return things;
    }

    @Test
    void jsonBodiesOfEverySizeAreWrittenWhole() {
        // below the first pooled buffer, across its doublings, and past the largest direct buffer the pool keeps
        for (int n : new int[] {1, 150, 160, 400, 700, 3000}) {
            Http.Answer a = Http.at(server.uri()).get("/big/" + n);
            assertThat(a.status()).isEqualTo(200);
            byte[] expected = Json.write(big(n));
            assertThat(a.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(a.header("Content-Length")).isEqualTo(Integer.toString(expected.length));
        }
    }

    @Test
    void bodyCapBothSides() {
        byte[] atCap = new byte[(int) CAP];
        byte[] overCap = new byte[(int) CAP + 1];
        Http op = http(Role.OPERATOR);
        Http.Answer ok = op.send("POST", "/raw", "application/octet-stream", atCap);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("size").asInt()).isEqualTo((int) CAP);
        Http.Answer tooBig = op.send("POST", "/raw", "application/octet-stream", overCap);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("field").asString()).isEqualTo("body");
        assertThat(tooBig.json().get("rule").asString()).contains("at most 2048 bytes");
    }

    /**
     * A body over the cap is read and dropped before the refusal (up to CappedBody.DRAIN_LIMIT), so the refusal is not
     * lost to a reset and the connection carries the next request; with a length of its own or chunked.
     */
    @Test
    void aBodyOverTheCapIsRefusedAfterItIsReadAndTheConnectionGoesOn() throws Exception {
        String post = "POST /raw HTTP/1.1\nHost: test\nAuthorization: Bearer operator\n"
                + "Content-Type: application/octet-stream\n";
        byte[] over = new byte[(int) CAP + 1];
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunked.writeBytes((Integer.toHexString(over.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        chunked.writeBytes(over);
        chunked.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        try (RawHttp c = new RawHttp(server.uri())) {
            RawHttp.Answer declared = c.send(post + "Content-Length: " + over.length, over).read();
            assertThat(declared.status()).isEqualTo(413);
            assertThat(declared.text()).contains("at most 2048 bytes");
            assertThat(declared.headers()).doesNotContainKey("connection");
            RawHttp.Answer unsized = c.send(post + "Transfer-Encoding: chunked", chunked.toByteArray()).read();
            assertThat(unsized.status()).isEqualTo(413);
            assertThat(unsized.headers()).doesNotContainKey("connection");
            RawHttp.Answer next = c.send("GET /page?limit=1 HTTP/1.1\nHost: test", new byte[0]).read();
            assertThat(next.status()).isEqualTo(200);
        }
    }

    @Test
    void unexpectedErrorsAreOpaque() {
        Http.Answer boom = Http.at(server.uri()).get("/boom");
        assertThat(boom.status()).isEqualTo(500);
        assertThat(boom.json().get("type").asString()).isEqualTo("urn:phonectl:problem:internal");
        assertThat(boom.json().get("detail").asString()).contains("reference");
        assertThat(boom.body()).doesNotContain("secret-internal-detail", "IllegalStateException", "at io.");
    }

    @Test
    void pagingLimitBothSides() {
        assertThat(Http.at(server.uri()).get("/page?limit=1000").status()).isEqualTo(200);
        assertThat(Http.at(server.uri()).get("/page?limit=1").status()).isEqualTo(200);
        for (String bad : List.of("1001", "0", "-1", "ten")) {
            Http.Answer a = Http.at(server.uri()).get("/page?limit=" + bad);
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.json().get("field").asString()).isEqualTo("limit");
            assertThat(a.json().get("rule").asString()).contains("1..1000");
        }
        Http.Answer cursor = Http.at(server.uri()).get("/page?cursor=%21%21");
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.json().get("field").asString()).isEqualTo("cursor");
    }

    @Test
    void cursorsRoundTrip() {
        Cursor c = new Cursor("name, with ünïcode", 42);
        assertThat(Cursor.decode(c.encode())).isEqualTo(c);
        assertThat(Cursor.decode(null)).isNull();
    }
}
