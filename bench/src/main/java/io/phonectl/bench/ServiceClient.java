package io.phonectl.bench;

import io.phonectl.server.http.Json;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** The service's API as the benchmarks use it: the JDK HttpClient with a bearer token, and SSE readers. */
final class ServiceClient {

    /** An event as a reader received it, with when it arrived. */
    record Received(long id, String type, long job, Instant time, Instant arrived) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    ServiceClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    JsonNode send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body().isEmpty() ? null : Json.mapper().readTree(r.body());
    }

    /** A text answer as is (the Prometheus page). */
    String text(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode());
        }
        return r.body();
    }

    JsonNode get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    JsonNode post(String path, Object json) throws Exception {
        return send("POST", path, "application/json", Json.write(json));
    }

    /**
     * Opens an SSE reader (connected when this returns) that keeps events until one matches {@code last}; the future
     * completes with everything it received.
     */
    CompletableFuture<List<Received>> listen(String query, Predicate<Received> last) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/v1/events?" + query))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
        String hello = in.readLine();
        if (hello == null || !hello.startsWith(":")) {
            throw new IllegalStateException("no event stream: " + r.statusCode() + " " + hello);
        }
        CompletableFuture<List<Received>> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            List<Received> got = new ArrayList<>();
            try (in) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.startsWith("data: ")) {
                        continue;
                    }
                    Instant arrived = Instant.now();
                    JsonNode e = Json.mapper().readTree(line.substring(6));
                    Received rec = new Received(e.get("id").asLong(), e.get("type").asString(),
                            e.get("job").isNull() ? 0 : e.get("job").asLong(), Instant.parse(e.get("time").asString()),
                            arrived);
                    got.add(rec);
                    if (last.test(rec)) {
                        done.complete(got);
                        return;
                    }
                }
                done.completeExceptionally(new IOException("stream ended after " + got.size() + " events"));
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }
}
