package io.phonectl.client.xsi;

import org.eclipse.jetty.client.HttpResponseException;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Maps a transport failure to the outcome a user can act on. Messages carry no credentials. */
final class FailureClassifier {

    private FailureClassifier() {
    }

    static PushOutcome classify(Throwable failure, Phase phase, long elapsedMillis, int maxAnswerBytes) {
        Throwable t = unwrap(failure);
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String lower = msg.toLowerCase(Locale.ROOT);
        if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
            // Jetty reports a connect timeout as SocketTimeoutException while the phase is still CONNECT.
            return new PushOutcome.TimedOut(phase, elapsedMillis);
        }
        if (t instanceof ConnectException) {
            return lower.contains("refused")
                    ? new PushOutcome.Refused(msg)
                    : new PushOutcome.Unreachable(msg);
        }
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return new PushOutcome.Unreachable("unknown host" + (t.getMessage() == null ? "" : " " + t.getMessage()));
        }
        if (t instanceof NoRouteToHostException || t instanceof PortUnreachableException) {
            return new PushOutcome.Unreachable(msg);
        }
        if (t instanceof HttpResponseException) {
            return new PushOutcome.Malformed(0, null, "bad HTTP answer: " + msg);
        }
        if (lower.contains("buffering capacity") || lower.contains("exceeded")) {
            return new PushOutcome.Malformed(0, null, "answer larger than " + maxAnswerBytes + " bytes");
        }
        if (t instanceof EOFException || lower.contains("closed") || lower.contains("reset")) {
            return new PushOutcome.Malformed(0, null, "connection closed in the " + phase.name().toLowerCase(Locale.ROOT)
                    + " phase without a complete answer");
        }
        if (!(t instanceof java.io.IOException)) {
            // not the network: an exception of our own (or Jetty's) while sending is a bug to report as such
            return new PushOutcome.Internal(t.getClass().getSimpleName() + ": " + msg);
        }
        return new PushOutcome.Malformed(0, null, t.getClass().getSimpleName() + ": " + msg);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        for (int i = 0; i < 8 && (cur instanceof CompletionException || cur instanceof ExecutionException)
                && cur.getCause() != null; i++) {
            cur = cur.getCause();
        }
        return cur;
    }
}
