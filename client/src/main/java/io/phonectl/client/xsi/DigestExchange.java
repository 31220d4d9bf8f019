package io.phonectl.client.xsi;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.http.Challenges;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The second leg of an exchange with a phone that challenges: the first request went without credentials (so a phone
 * that wants Digest never sees the password, not even base64-encoded); its 401 names the schemes it takes, and the
 * same request is sent once more with the answer ({@link Challenges}: Digest, or Basic when that is all the phone
 * offers). Anything but a 401 with an answerable challenge is the answer as it is. One retry only: a second 401 is a
 * refusal (wrong password), classified like any other.
 */
final class DigestExchange {

    private DigestExchange() {
    }

    /**
     * @param resend sends a prepared retry within what is left of the exchange's time; null when none is left
     * @param fresh  makes the request again (Jetty requests are sent once)
     */
    static CompletableFuture<ContentResponse> answerChallenge(HttpClient http, Request first,
                                                              CompletableFuture<ContentResponse> answer,
                                                              Credentials credentials,
                                                              Function<Request, CompletableFuture<ContentResponse>> resend,
                                                              Supplier<Request> fresh) {
        return answer.thenCompose(response -> {
            if (response.getStatus() != 401) {
                return CompletableFuture.completedFuture(response);
            }
            Optional<Challenges.Answer> how = Challenges.answer(http, first, response, credentials);
            if (how.isEmpty()) {
                return CompletableFuture.completedFuture(response);
            }
            Request retry = fresh.get();
            how.get().apply(retry);
            CompletableFuture<ContentResponse> second = resend.apply(retry);
            return second != null ? second : CompletableFuture.failedFuture(new TimeoutException(
                    "no time left to answer the phone's " + how.get().scheme() + " challenge"));
        });
    }
}
