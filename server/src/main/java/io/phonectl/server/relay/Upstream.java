package io.phonectl.server.relay;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The authentication URL phones had before: a question is passed on unchanged (method, query, body and its content
 * type, the phone's User-Agent) and its answer comes back unchanged (status, content type, body), within one
 * deadline and a size cap. A failure is a {@link Failure} with a short reason for the metrics.
 */
final class Upstream implements AutoCloseable {

    record Answer(int status, String contentType, byte[] body) {
    }

    static final class Failure extends Exception {
        private final String reason;

        Failure(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    Upstream(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    Answer ask(AuthRequest r) throws Failure, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder().timeout(timeout);
        if (r.query() != null && !r.query().isEmpty()) {
            String sep = url.getRawQuery() == null ? "?" : "&";
            b.uri(URI.create(url + sep + r.query()));
        } else {
            b.uri(url);
        }
        if (r.userAgent() != null && !r.userAgent().isBlank()) {
            b.header("User-Agent", r.userAgent());
        }
        if (r.method().equals("POST")) {
            if (r.contentType() != null) {
                b.header("Content-Type", r.contentType());
            }
            b.POST(HttpRequest.BodyPublishers.ofByteArray(r.body()));
        } else {
            b.GET();
        }
        CompletableFuture<HttpResponse<InputStream>> f = client.sendAsync(b.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try {
            // one deadline for the whole exchange: the client's timeout covers only the wait for the headers
            HttpResponse<InputStream> resp = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            try (InputStream in = resp.body()) {
                byte[] body = in.readNBytes(RelayConfig.MAX_ANSWER_BYTES + 1);
                if (body.length > RelayConfig.MAX_ANSWER_BYTES) {
                    throw new Failure("too_large", "answer longer than " + RelayConfig.MAX_ANSWER_BYTES + " bytes");
                }
                return new Answer(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(null), body);
            }
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new Failure("timeout", "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof HttpTimeoutException) {
                throw new Failure("timeout", "no answer within " + timeout.toMillis() + " ms");
            }
            if (c instanceof ConnectException) {
                throw new Failure("unreachable", "cannot connect (" + c.getClass().getSimpleName() + ")");
            }
            throw new Failure("broken", c == null ? "failed" : c.getClass().getSimpleName() + ": " + c.getMessage());
        } catch (IOException e) {
            throw new Failure("broken", "reading the answer: " + e.getMessage());
        }
    }

    /** Where it goes, for logs (without a query, which might hold anything). */
    String describe() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + url.getPath();
    }

    @Override
    public void close() {
        client.close();
    }
}
