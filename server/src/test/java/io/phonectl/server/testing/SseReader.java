package io.phonectl.server.testing;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events reader on the JDK HttpClient (not ours): the response's lines are queued by a virtual
 * thread; {@link #next} waits for the next event (id, type, data) or comment with a deadline. Closing it closes the
 * connection.
 */
public final class SseReader implements AutoCloseable {

    /** An event frame, or a comment ({@code type} = ":"). */
    public record Frame(long id, String type, String data) {
        public boolean comment() {
            return type.equals(":");
        }
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final Thread reader;

    private SseReader(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    public static SseReader open(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "text/event-stream");
        headers.forEach(b::header);
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new SseReader(r);
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            long id = -1;
            String type = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (id >= 0 || !data.isEmpty()) {
                        frames.add(new Frame(id, type, data.toString()));
                    }
                    id = -1;
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    frames.add(new Frame(-1, ":", line.substring(1).strip()));
                } else if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (IOException e) {
            // closed
        }
        frames.add(new Frame(-2, "end", ""));
    }

    /** The next frame within {@code wait}, or null. */
    public Frame next(Duration wait) throws InterruptedException {
        return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Events (not comments) until one of type {@code last} arrives; fails after {@code wait}. */
    public List<Frame> eventsUntil(String last, Duration wait) throws InterruptedException {
        List<Frame> out = new ArrayList<>();
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            Frame f = next(Duration.ofMillis(200));
            if (f == null || f.comment()) {
                continue;
            }
            if (f.type().equals("end")) {
                throw new AssertionError("the stream ended before " + last + " after " + out);
            }
            out.add(f);
            if (f.type().equals(last)) {
                return out;
            }
        }
        throw new AssertionError("no " + last + " within " + wait + "; got " + out);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
        reader.interrupt();
    }
}
