package io.phonectl.sim.net;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fleet's one outgoing HTTP client (pages, images, ring files, authentication URLs, Notify posts): every answer
 * is read with a size cap, cancelled as soon as it passes the cap, and under one deadline for the whole exchange,
 * headers and body together, so a peer that streams forever or sends a byte a second costs at most {@code maxBytes}
 * and the deadline. {@link #close()} aborts every exchange still in flight (the simulator is stopping).
 */
public final class HttpFetch implements AutoCloseable {

    /** The phone's fetch timeout: connect, headers and body together. */
    public static final Duration DEADLINE = Duration.ofSeconds(5);

    /** An answer read within its cap and deadline. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    /** Why an exchange gave no answer; the message never carries a URL's credentials or a body. */
    public static final class FetchException extends Exception {

        /** What went wrong. */
        public enum Kind { TOO_LARGE, TIMED_OUT, UNREACHABLE, STOPPED }

        private final Kind kind;

        FetchException(Kind kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    private final HttpClient http;

    public HttpFetch(boolean followRedirects) {
        this.http = HttpClient.newBuilder().connectTimeout(DEADLINE)
                .followRedirects(followRedirects ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER).build();
    }

    /**
     * Sends {@code request} and reads at most {@code maxBytes} of its answer before {@code deadline} has passed.
     *
     * @throws FetchException TOO_LARGE past the cap, TIMED_OUT past the deadline, UNREACHABLE on a network error,
     *                        STOPPED when the fetch was cancelled (the host closed, the thread was interrupted)
     */
    public Answer send(HttpRequest request, int maxBytes, Duration deadline) throws FetchException {
        CompletableFuture<HttpResponse<byte[]>> f;
        try {
            f = http.sendAsync(request, info -> new Capped(maxBytes));
        } catch (IllegalStateException e) {
            throw new FetchException(FetchException.Kind.STOPPED, "the simulator is stopping");
        }
        try {
            HttpResponse<byte[]> r = f.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new FetchException(FetchException.Kind.TIMED_OUT, "no complete answer within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.STOPPED, "interrupted");
        } catch (CancellationException e) {
            throw new FetchException(FetchException.Kind.STOPPED, "cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof IOException && cause.getCause() instanceof TooLarge) {
                cause = cause.getCause();
            }
            if (cause instanceof TooLarge) {
                throw new FetchException(FetchException.Kind.TOO_LARGE, "answer larger than " + maxBytes + " bytes");
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new FetchException(FetchException.Kind.TIMED_OUT, "timed out");
            }
            throw new FetchException(FetchException.Kind.UNREACHABLE, cause == null ? "failed" : cause.getClass().getSimpleName());
        }
    }

    /** Aborts every exchange in flight and refuses new ones. */
    @Override
    public void close() {
        http.shutdownNow();
    }

    /** Signals a body past its cap (never escapes this class). */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("body over the cap", null);
        }
    }

    /** Collects the body up to {@code max} bytes; past it cancels the subscription and fails. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        Capped(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (out.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
