package io.phonectl.client.macro;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.testing.StubPhones;
import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.action.ActionCatalog;
import io.phonectl.xsi.action.MacroSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class MacroRunnerTest {

    static final Credentials ADMIN = Credentials.of("admin", "admin");
    static final MacroConfig FAST = new MacroConfig(Duration.ofSeconds(30), Duration.ofMillis(1), 5);
    static final MacroRunner.Pacer NO_WAIT = d -> {
    };
    static XsiTransport transport;

    @BeforeAll
    static void start() {
        transport = XsiTransport.start(TransportConfig.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        transport.close();
    }

    static MacroSpec macro(String id) {
        return ActionCatalog.standard().macro(id).orElseThrow();
    }

    /** An 8821-like stub: GeneratePRT succeeds (or is pending), PRTStatus reports generating until the n-th poll. */
    static StubPhones.Behavior prtPhone(int generateStatus, int readyAfter) {
        AtomicInteger polls = new AtomicInteger();
        return (s, r, cb) -> {
            String xml = s.xml();
            if (xml.contains("Device:GeneratePRT")) {
                StubPhones.answer(r, cb, 200, "text/xml", StubPhones.responseFor(xml, generateStatus,
                        generateStatus == 0 ? "Success" : "There is pending PRT"));
            } else if (polls.incrementAndGet() < readyAfter) {
                StubPhones.answer(r, cb, 200, "text/xml", StubPhones.responseFor(xml, 0, "Generating PRT"));
            } else {
                StubPhones.answer(r, cb, 200, "text/xml", StubPhones.responseFor(xml, 0,
                        "Generated PRT at https://127.0.0.8/FS/prt-20261122-011500-0123456789ab.tar.gz"));
            }
        };
    }

    @Test
    void generateProblemReportPollsUntilThePrtIsGenerated() throws Exception {
        try (StubPhones stub = StubPhones.one(prtPhone(0, 3))) {
            MacroReport report = new MacroRunner(XsiClient.of(transport, stub.address(0), ADMIN), FAST, NO_WAIT)
                    .run(macro("generate_problem_report"));
            assertThat(report.succeeded()).as(report.failure()).isTrue();
            assertThat(stub.hits(0)).isEqualTo(4); // GeneratePRT + 3 polls
            assertThat(report.steps().getLast().note()).contains("satisfied");
        }
    }

    @Test
    void pendingPrtAlsoSatisfiesWaitFor() throws Exception {
        try (StubPhones stub = StubPhones.one(prtPhone(6, 1))) {
            MacroReport report = new MacroRunner(XsiClient.of(transport, stub.address(0), ADMIN), FAST, NO_WAIT)
                    .run(macro("generate_problem_report"));
            assertThat(report.succeeded()).as(report.failure()).isTrue();
        }
    }

    @Test
    void pollingIsBoundedByMaxPolls() throws Exception {
        try (StubPhones stub = StubPhones.one(prtPhone(0, 1000))) {
            MacroReport report = new MacroRunner(XsiClient.of(transport, stub.address(0), ADMIN), FAST, NO_WAIT)
                    .run(macro("generate_problem_report"));
            assertThat(report.succeeded()).isFalse();
            assertThat(report.failure()).contains("no matching reply in 5 polls");
            assertThat(stub.hits(0)).isEqualTo(6);
        }
    }

    @Test
    void unexpectedStatusStopsAtWaitFor() throws Exception {
        try (StubPhones stub = StubPhones.one((s, r, cb) -> StubPhones.answer(r, cb, 200, "text/xml",
                StubPhones.responseFor(s.xml(), 6, "URI not found")))) {
            MacroReport report = new MacroRunner(XsiClient.of(transport, stub.address(0), ADMIN), FAST, NO_WAIT)
                    .run(macro("generate_problem_report"));
            assertThat(report.succeeded()).isFalse();
            assertThat(report.failure()).contains("wait_for", "Status=6").doesNotContain("admin:");
            assertThat(stub.hits(0)).isEqualTo(1);
        }
    }

    @Test
    void tftpMacroPushesEveryStepInOrderAndStopsOnAuthFailure() throws Exception {
        MacroSpec tftp = macro("set_tftp_server_address_8875");
        try (StubPhones ok = StubPhones.one(StubPhones.success())) {
            MacroReport report = new MacroRunner(XsiClient.of(transport, ok.address(0), ADMIN), FAST, NO_WAIT).run(tftp);
            assertThat(report.succeeded()).as(report.failure()).isTrue();
            List<String> pushed = ok.seen().stream().map(s -> s.xml().replaceAll("(?s).*URL=\"([^\"]*)\".*", "$1")).toList();
            assertThat(pushed).hasSize(tftp.steps().size()).startsWith("Key:Applications", "SettingsMenu:Networkconnection")
                    .endsWith("Button:Apply");
        }
        try (StubPhones denied = StubPhones.one(StubPhones.fixed(401, "text/xml", "<CiscoIPPhoneError Number=\"4\"/>"))) {
            MacroReport report = new MacroRunner(XsiClient.of(transport, denied.address(0), ADMIN), FAST, NO_WAIT).run(tftp);
            assertThat(report.succeeded()).isFalse();
            assertThat(report.failure()).contains("AUTH_FAILED");
            assertThat(denied.hits(0)).isEqualTo(1);
        }
    }
}
