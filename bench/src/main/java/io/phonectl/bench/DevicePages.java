package io.phonectl.bench;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GET /api/v1/devices in pages of 100 under wrk: the cursors of every page are read first, then a Lua script cycles
 * through them on 50 connections (2 threads), and wrk's latency distribution is printed.
 */
final class DevicePages {

    /** wrk's connections: the 50 clients unless {@code -Djobbench.connections=N} says otherwise. */
    private static final int CONNECTIONS = Integer.getInteger("jobbench.connections", 50);

    private DevicePages() {
    }

    static void wrk(URI base, ServiceClient api, String token, int seconds) throws Exception {
        List<String> paths = new ArrayList<>();
        String path = "/api/v1/devices?limit=100";
        while (path != null) {
            paths.add(path);
            JsonNode page = api.get(path);
            path = page.get("next").isNull() ? null : "/api/v1/devices?limit=100&cursor=" + page.get("next").asString();
        }
        StringBuilder lua = new StringBuilder("local paths = {\n");
        for (String p : paths) {
            lua.append("  \"").append(p).append("\",\n");
        }
        lua.append("}\nlocal i = 0\nrequest = function()\n  i = (i % #paths) + 1\n")
                .append("  return wrk.format(\"GET\", paths[i], {[\"Authorization\"] = \"Bearer ").append(token)
                .append("\"})\nend\n");
        Path script = Files.createTempFile("pages", ".lua");
        Files.writeString(script, lua, StandardCharsets.UTF_8);
        try {
            // warm-up, then the measured run
            run(base, script, 5, false);
            System.out.printf(Locale.ROOT, "wrk -t2 -c%d -d%ds --latency, %d pages of 100 devices cycled:%n",
                    CONNECTIONS, seconds, paths.size());
            long cpu0 = ProcessFigures.cpuNanos();
            long requests = run(base, script, seconds, true);
            // wrk is a process of its own: this JVM's CPU over the run is the service's (and its idle neighbours')
            System.out.printf(Locale.ROOT, "  service CPU per request: %.3f ms (%d requests)%n",
                    (ProcessFigures.cpuNanos() - cpu0) / 1e6 / Math.max(1, requests), requests);
            // the server's own view of the same requests (from the handler's start to its reply): when wrk's tail is
            // far above this one, the wait was before the handler, not in it
            for (String line : api.text("/metrics").split("\n")) {
                if (line.startsWith("http_server_requests_seconds") && line.contains("route=\"/api/v1/devices\"")
                        && line.contains("method=\"GET\"")) {
                    System.out.println("  server: " + line.strip());
                }
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Runs wrk; the number of requests it made. */
    private static long run(URI base, Path script, int seconds, boolean print) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency", "-s", script.toString(),
                base.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        if (print) {
            for (String line : out.split("\n")) {
                if (line.contains("%") || line.contains("Requests/sec") || line.contains("Latency")
                        || line.contains("Non-2xx") || line.contains("requests in")) {
                    System.out.println("  " + line.strip());
                }
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) requests in").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
