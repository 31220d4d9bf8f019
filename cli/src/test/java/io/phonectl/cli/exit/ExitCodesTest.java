package io.phonectl.cli.exit;

import io.phonectl.client.credentials.CredentialsException;
import io.phonectl.client.inventory.InventoryException;
import io.phonectl.client.xapi.XapiClientException;
import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xsi.UnsupportedByModelException;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.XsiValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ExitCodesTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new XsiValidationException(Violation.of("Title", "x", "at most 32", "test")), 2),
                Arguments.of(new XsiParseException("broken", 1, 2), 2),
                Arguments.of(new UnsupportedByModelException("CP-7841", "Display", "no display URI"), 2),
                Arguments.of(new CredentialsException("PHONECTL_PASSWORD is not set"), 2),
                Arguments.of(new InventoryException("fleet.csv line 3: no address"), 2),
                Arguments.of(new IllegalArgumentException("--count must be at least 1"), 2),
                Arguments.of(new UncheckedIOException(new NoSuchFileException("absent.wav")), 2),
                Arguments.of(new NoSuchFileException("absent.xml"), 2),
                Arguments.of(new XapiClientException.Config("timeout", 0, "must be positive"), 2),
                Arguments.of(XapiRpcException.of(ErrorCode.PERMISSION_DENIED, "Permission denied"), 1),
                Arguments.of(new XapiClientException.Timeout("no answer within PT10S"), 1),
                Arguments.of(new XapiClientException.Protocol("unreadable XML answer", null), 1),
                Arguments.of(new NullPointerException("Cannot invoke \"String.length()\""), 3),
                Arguments.of(new IllegalStateException("unexpected"), 3),
                Arguments.of(new Exception("checked and unknown"), 3));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("failures")
    void everyFailureHasItsCodeAndOneLine(Exception failure, int code) {
        StringWriter err = new StringWriter();
        assertThat(ExitCodes.exit(new PrintWriter(err), failure)).isEqualTo(code);
        assertThat(err.toString()).startsWith("phonectl: ").endsWith("\n");
        assertThat(err.toString().strip().lines()).hasSize(1);
        if (code == ExitCode.INTERNAL_ERROR) {
            assertThat(err.toString()).contains("internal error", failure.getClass().getName());
        }
    }

    @Test
    void theCodesAreDistinct() {
        assertThat(Stream.of(ExitCode.OK, ExitCode.SOME_FAILED, ExitCode.BAD_INPUT, ExitCode.INTERNAL_ERROR).distinct())
                .hasSize(4);
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @CommandLine.Option(names = "--n")
        int n;

        @Override
        public Integer call() {
            Object missing = null;
            return missing.hashCode(); // a bug: NullPointerException
        }
    }

    @Test
    void anUnexpectedExceptionExits3WithOneLineAndNoStackTrace() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ExitCodes.install(new CommandLine(new Boom()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(err.toString().strip().lines()).hasSize(1).first().asString()
                .startsWith("phonectl: internal error: java.lang.NullPointerException");
        assertThat(err.toString()).doesNotContain("\tat ", "Exception in thread");
        assertThat(cl.execute("--n", "x")).isEqualTo(ExitCode.BAD_INPUT);
    }
}
