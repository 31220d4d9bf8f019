package io.phonectl.client.xsi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FailureClassifierTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ConnectException("Connection refused"), Phase.CONNECT, OutcomeKind.REFUSED),
                Arguments.of(new CompletionException(new ConnectException("Connection refused")), Phase.CONNECT, OutcomeKind.REFUSED),
                Arguments.of(new ConnectException("Network is unreachable"), Phase.CONNECT, OutcomeKind.UNREACHABLE),
                Arguments.of(new UnknownHostException("phone.invalid"), Phase.CONNECT, OutcomeKind.UNREACHABLE),
                Arguments.of(new UnresolvedAddressException(), Phase.CONNECT, OutcomeKind.UNREACHABLE),
                Arguments.of(new NoRouteToHostException("No route to host"), Phase.CONNECT, OutcomeKind.UNREACHABLE),
                Arguments.of(new SocketTimeoutException("Connect Timeout"), Phase.CONNECT, OutcomeKind.TIMED_OUT),
                Arguments.of(new TimeoutException("Total timeout 10000 ms elapsed"), Phase.REQUEST, OutcomeKind.TIMED_OUT),
                Arguments.of(new TimeoutException("Idle timeout"), Phase.RESPONSE, OutcomeKind.TIMED_OUT),
                Arguments.of(new EOFException(), Phase.RESPONSE, OutcomeKind.MALFORMED),
                Arguments.of(new IllegalArgumentException("Buffering capacity 4194304 exceeded"), Phase.RESPONSE, OutcomeKind.MALFORMED),
                Arguments.of(new java.io.IOException("something else"), Phase.RESPONSE, OutcomeKind.MALFORMED),
                // not the network: a bug of ours (or of the HTTP client) is reported as one, never as a bad answer
                Arguments.of(new IllegalStateException("something else"), Phase.RESPONSE, OutcomeKind.INTERNAL_ERROR),
                Arguments.of(new CompletionException(new NullPointerException()), Phase.REQUEST, OutcomeKind.INTERNAL_ERROR));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("failures")
    void table(Throwable failure, Phase phase, OutcomeKind expected) {
        PushOutcome o = FailureClassifier.classify(failure, phase, 42, 4 << 20);
        assertThat(o.kind()).as(o.detail()).isEqualTo(expected);
        if (o instanceof PushOutcome.TimedOut t) {
            assertThat(t.phase()).isEqualTo(phase);
            assertThat(t.afterMillis()).isEqualTo(42);
        }
    }
}
