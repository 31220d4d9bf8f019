package io.phonectl.bench;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.server.PhonectlServer;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Requests/s of the authentication relay's one-time path: an in-process service (H2), one device that accepts a
 * connection and never answers (so its job stays running with its item in flight), one-time credentials of that job
 * and device, then {@code wrk -t2 -cC -dSs} asking {@code /authenticate} with them, as a phone in
 * authentication-URL mode does (GET with UserID, Password, devicename). Prints the load average before and after.
 * Usage: {@code AuthRelayBench [seconds=10] [connections=64]}.
 */
public final class AuthRelayBench {

    private AuthRelayBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Path data = TempDirs.create("relay-bench");
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             PhonectlServer server = PhonectlServer.start(ServeProcess.config(data))) {
            Thread.ofVirtual().start(() -> {
                while (true) {
                    try {
                        held.add(silent.accept()); // read nothing, answer nothing
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            ServiceClient api = new ServiceClient(server.uri(), ServeProcess.token(server, "relay-bench"));
            api.post("/api/v1/credentials", Map.of("name", "shared", "user", "unused", "secret", "unused-secret"));
            String name = "SEP00AA0000BEEF";
            api.send("POST", "/api/v1/devices/import", "text/csv", ("name,address,model,user,credentials\n" + name
                    + ",127.0.0.1:" + silent.getLocalPort() + ",CP-8845,,shared\n").getBytes(StandardCharsets.UTF_8));
            long device = api.get("/api/v1/devices?where=name=" + name).get("items").get(0).get("id").asLong();
            JsonNode job = api.post("/api/v1/jobs", Map.of("target", Map.of("devices", List.of(device)),
                    "action", "object_text", "params", Map.of("title", "t", "text", "x"),
                    "options", Map.of("oneTimeCredentials", true, "attempts", 1, "timeoutMillis", 600_000)));
            long jobId = job.get("id").asLong();
            while (!api.get("/api/v1/jobs/" + jobId).get("state").asString().equals("running")) {
                Thread.sleep(20);
            }
            Credentials c = server.services().relay().oneTime().issue(jobId, device, name);
            String url = server.uri() + "/authenticate?UserID=" + enc(c.user()) + "&Password=" + enc(c.password())
                    + "&devicename=" + name;
            HttpResponse<String> check = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("check: " + check.statusCode() + " " + check.body() + " (job " + jobId + " running)");
            if (!check.body().equals("AUTHORIZED")) {
                throw new IllegalStateException("the one-time credentials were not accepted");
            }
            System.out.println("load average before: " + Files.readString(Path.of("/proc/loadavg")).strip());
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", url)
                    .inheritIO().start();
            int rc = wrk.waitFor();
            System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).strip());
            HttpResponse<String> m = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.uri() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            m.body().lines().filter(l -> l.startsWith("phonectl_auth_requests_total")).forEach(System.out::println);
            System.out.println("job still " + api.get("/api/v1/jobs/" + jobId).get("state").asString()
                    + "; wrk exit " + rc);
            api.post("/api/v1/jobs/" + jobId + "/cancel", Map.of());
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
