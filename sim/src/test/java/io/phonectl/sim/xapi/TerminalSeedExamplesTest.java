package io.phonectl.sim.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.phonectl.xapi.schema.Role;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The terminal-mode examples of seeds 004 and 002 run against fresh simulated devices (terminal command language,
 * no SSH). Expected text is copied from the seeds, with the seeds' wrapped lines joined. Seed 002 prints status
 * answers without the closing blank line and {@code OK}; there the seed text must be the answer's beginning.
 */
class TerminalSeedExamplesTest {
    static XapiSimHost room;
    static XapiSimHost phone;

    @BeforeAll
    static void start() throws Exception {
        room = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1));
        room.device(0).pairIsdnLink(true); // the terminal Dial example succeeds with Protocol H320
        phone = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.PHONEOS, 1));
    }

    @AfterAll
    static void stop() throws Exception {
        room.close();
        phone.close();
    }

    static Stream<Arguments> seed004() {
        return Stream.of(
                Arguments.of("xStatus SystemUnit Uptime\n", "*s SystemUnit Uptime: 62974\n** end\n\nOK\n"),
                Arguments.of("xConfiguration SystemUnit Name\n",
                        "*c xConfiguration SystemUnit Name: \"my-device\"\n** end\n\nOK\n"),
                Arguments.of("xStatus SystemUnit State\n", """
                        *s SystemUnit State NumberOfActiveCalls: 0
                        *s SystemUnit State NumberOfInProgressCalls: 0
                        *s SystemUnit State NumberOfSuspendedCalls: 0
                        ** end

                        OK
                        """),
                Arguments.of("xStatus SystemUnit Hardware Monitoring Fan 2 Status\n",
                        "*s SystemUnit Hardware Monitoring Fan 2 Status: \"2372 rpm\"\n** end\n\nOK\n"),
                Arguments.of("xStatus // DisplayName\n", """
                        *s SIP CallForward DisplayName: "my-name"
                        *s SystemUnit Software DisplayName: "ce 9.7.1 ..."
                        ** end

                        OK
                        """),
                Arguments.of("xConfiguration SystemUnit Name: \"my-device\"\n", "** end\n\nOK\n"),
                Arguments.of("xCommand Dial Number: \"alice@example.com\" Protocol: H320\n", """
                        OK
                        *r DialResult (status=OK):
                        *r DialResult CallId: 2
                        *r DialResult ConferenceId: 1
                        ** end
                        """),
                Arguments.of("xCommand Presentation Start Layout: Equal ConnectorId: 2 ConnectorId: 3 SendingMode: LocalRemote\n",
                        """
                        OK
                        *r PresentationStartResult (status=OK):
                        *r PresentationStartResult Instance: 1
                        ** end
                        """),
                Arguments.of("""
                        xCommand SystemUnit SignInBanner Set
                        You need admin credentials to continue.
                        Contact the IT Help Desk for more information.
                        .
                        """, "OK\n*r SignInBannerSetResult (status=OK):\n** end\n"),
                Arguments.of("xFeedback Register Status/Video/Selfview\n", "** end\n\nOK\n"),
                Arguments.of("xFeedback Deregister Status/Video/Selfview\n", "** end\n\nOK\n"));
    }

    @ParameterizedTest
    @MethodSource("seed004")
    void seed004TerminalExamples(String input, String expected) {
        assertThat(room.device(0).terminal(input, Role.ADMIN)).isEqualTo(expected);
    }

    static Stream<Arguments> seed002() {
        return Stream.of(
                Arguments.of("xStatus SystemUnit ProductId\n", "*s SystemUnit ProductId: \"DP-9841\"\n** end\n"),
                Arguments.of("xStatus SystemUnit Software Version\n",
                        "*s SystemUnit Software Version: \"PHONEOS.3-5-1-1000\"\n** end\n"),
                Arguments.of("xStatus Network IPv4 Address\n", "*s Network IPv4 Address: \"192.0.2.149\"\n** end\n"),
                Arguments.of("xStatus Network ActiveInterface\n", "*s Network ActiveInterface: LAN\n** end\n"));
    }

    @ParameterizedTest
    @MethodSource("seed002")
    void seed002StatusExamples(String input, String expectedStart) {
        String out = phone.device(0).terminal(input, Role.ADMIN);
        assertThat(out).startsWith(expectedStart).isEqualTo(expectedStart + "\nOK\n");
    }

    @org.junit.jupiter.api.Test
    void seed002CallDial() {
        assertThat(phone.device(0).terminal("xCommand Call Dial Number: \"5000\"\n", Role.ADMIN)).isEqualTo("""
                OK
                *r CallDialResult (status=OK):
                *r CallDialResult CallId: 0
                *r CallDialResult LineId: 1
                ** end
                """);
    }

    @org.junit.jupiter.api.Test
    void unknownAndRefused() {
        assertThat(room.device(0).terminal("xDila\n", Role.ADMIN)).isEqualTo("Command not recognized.\n");
        assertThat(room.device(0).terminal("xCommand SystemUnit Boot\n", Role.USER)).startsWith("ERROR\n");
    }
}
