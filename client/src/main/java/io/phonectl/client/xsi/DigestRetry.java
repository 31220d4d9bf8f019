package io.phonectl.client.xsi;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.http.Challenges;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * An exchange with a phone that may challenge: the first request goes without credentials (so a phone that wants
 * Digest never sees the password, not even base64-encoded); its 401 names the schemes it takes, and the same request
 * is sent once more, on a connection of its own, with the answer ({@link Challenges}: Digest, or Basic when that is
 * all the phone offers), within what is left of the exchange's time. Anything but a 401 with an answerable challenge
 * is the answer as it is. One retry only: a second 401 is a refusal (wrong password), classified like any other.
 */
final class DigestRetry {

    /** One leg: the request with this {@code Authorization} value (null: none) within {@code timeout}. */
    @FunctionalInterface
    interface Leg {
        CompletableFuture<Exchange> send(String authorization, Duration timeout);
    }

    private DigestRetry() {
    }

    /**
     * @param pathAndQuery what the request goes to (Digest binds its answer to the method, path and query)
     * @param retry        where the second leg is started: off the selector thread, as a phone's name may be looked up
     */
    static CompletableFuture<Exchange> send(PhoneAddress phone, String pathAndQuery, String method,
                                            Credentials credentials, Duration timeout, Executor retry, Leg leg) {
        long started = System.nanoTime();
        return leg.send(null, timeout).thenComposeAsync(first -> {
            if (!(first instanceof Exchange.Answered a) || a.answer().status() != 401) {
                return CompletableFuture.completedFuture(first);
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            String authorization;
            try {
                URI uri = phone.uri(pathAndQuery);
                Optional<Challenges.Answer> how = Challenges.answer(a.answer().challenges(), uri, credentials);
                if (how.isEmpty()) {
                    return answered(a.answer());
                }
                authorization = how.get().authorization(method, uri);
            } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(new Exchange.Failed(new PushOutcome.Internal(
                        "cannot answer the phone's challenge: " + e.getClass().getSimpleName())));
            }
            long left = timeout.toNanos() - (System.nanoTime() - started);
            if (left <= 0) {
                return CompletableFuture.completedFuture(new Exchange.Failed(new PushOutcome.TimedOut(Phase.RESPONSE,
                        ms)));
            }
            return leg.send(authorization, Duration.ofNanos(left)).thenApply(second -> second instanceof
                    Exchange.Answered b ? new Exchange.Answered(b.answer().unchallenged()) : second);
        }, retry);
    }

    /** The challenge was answered, or cannot be: the answer no longer asks for anything. */
    private static CompletableFuture<Exchange> answered(Answer a) {
        return CompletableFuture.completedFuture(new Exchange.Answered(a.unchallenged()));
    }
}
