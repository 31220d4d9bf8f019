package io.phonectl.client.fleet;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.credentials.CredentialsException;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.testing.StubPhones;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.push.XsiPush;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class FleetPushTest {

    static final Credentials GOOD = Credentials.of("admin", "right-pw");
    static final String TEXT = "<CiscoIPPhoneExecute><ExecuteItem URL=\"Play:Chime.raw\"/></CiscoIPPhoneExecute>";
    static final XsiPush CHIME = XsiPush.ofXml("play_chime", TEXT.getBytes(StandardCharsets.UTF_8));
    static final int N = 300;

    /** Role of phone i: most succeed; some are down, slow, wrong-password, MPP, unsupported, without credentials. */
    enum Role { OK, DOWN, SLOW, WRONG_PASSWORD, MPP, UNSUPPORTED, NO_CREDENTIALS }

    static Role role(int i) {
        return switch (i % 20) {
            case 1 -> Role.DOWN;
            case 2 -> Role.SLOW;
            case 3, 4 -> Role.WRONG_PASSWORD;
            case 5 -> Role.MPP;
            case 6 -> Role.UNSUPPORTED;
            case 7 -> Role.NO_CREDENTIALS;
            default -> Role.OK;
        };
    }

    static StubPhones stubs;
    static XsiTransport transport;
    static List<PhoneAddress> down = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stubs = StubPhones.start(N, i -> switch (role(i)) {
            case SLOW -> StubPhones.silent();
            case WRONG_PASSWORD -> StubPhones.requiring(Credentials.of("admin", "other").basicHeader(), i % 2 == 0 ? 200 : 401);
            case MPP -> StubPhones.fixed(200, null, "");
            default -> StubPhones.requiring(GOOD.basicHeader(), 401);
        });
        for (int i = 0; i < N / 20; i++) {
            down.add(StubPhones.closedPort());
        }
        transport = XsiTransport.start(TransportConfig.DEFAULTS);
    }

    @AfterAll
    static void stop() throws Exception {
        transport.close();
        stubs.close();
    }

    static Inventory inventory() {
        List<PhoneEntry> list = new ArrayList<>();
        int d = 0;
        for (int i = 0; i < N; i++) {
            PhoneAddress a = role(i) == Role.DOWN ? down.get(d++) : stubs.address(i);
            String model = role(i) == Role.UNSUPPORTED ? "CP-7841" : role(i) == Role.MPP ? "CP-8845-3PCC" : "CP-8845";
            list.add(new PhoneEntry("phone-" + i, a, model, "", role(i) == Role.NO_CREDENTIALS ? "env:NONE" : ""));
        }
        return new Inventory(list);
    }

    /** Stands in for the catalog in this test: CP-7841 is said not to support Play. */
    static final Preflight NO_PLAY_ON_7841 = (phone, push) -> phone.model().equals("CP-7841")
            ? new Preflight.Verdict.Skip(new PushOutcome.NotSent(OutcomeKind.UNSUPPORTED, "CP-7841 does not support Play (test)"))
            : new Preflight.Verdict.Send(push);

    @Test
    void everyPhoneGetsADefiniteOutcomeAndOnlyTransientFailuresAreRetried() {
        Map<OutcomeKind, AtomicInteger> seenKinds = new ConcurrentHashMap<>();
        AtomicInteger maxInFlight = new AtomicInteger();
        FleetConfig config = new FleetConfig(32, Duration.ofSeconds(40), Duration.ofMillis(1500),
                new RetryPolicy(3, Duration.ofMillis(20), 2.0, Duration.ofMillis(100)));
        FleetPush push = FleetPush.builder(transport)
                .credentials(p -> {
                    if (p.credentials().equals("env:NONE")) {
                        throw new CredentialsException("credentials reference env:NONE: environment variable NONE_PASSWORD is not set");
                    }
                    return GOOD;
                })
                .preflight(NO_PLAY_ON_7841)
                .config(config)
                .listener(new FleetListener() {
                    @Override
                    public void onResult(PhoneResult result, FleetProgress progress) {
                        seenKinds.computeIfAbsent(result.outcome().kind(), k -> new AtomicInteger()).incrementAndGet();
                        maxInFlight.accumulateAndGet(progress.inFlight(), Math::max);
                    }
                })
                .build();

        FleetReport report = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> push.run(inventory(), CHIME));

        assertThat(report.results()).hasSize(N);
        for (int i = 0; i < N; i++) {
            PhoneResult r = report.results().get(i);
            assertThat(r.phone().name()).isEqualTo("phone-" + i);
            Role role = role(i);
            OutcomeKind expected = switch (role) {
                case OK -> OutcomeKind.EXECUTED;
                case DOWN -> OutcomeKind.REFUSED;
                case SLOW -> OutcomeKind.TIMED_OUT;
                case WRONG_PASSWORD -> OutcomeKind.AUTH_FAILED;
                case MPP -> OutcomeKind.ACCEPTED_NO_RESPONSE;
                case UNSUPPORTED -> OutcomeKind.UNSUPPORTED;
                case NO_CREDENTIALS -> OutcomeKind.NO_CREDENTIALS;
            };
            assertThat(r.outcome().kind()).as("phone-%d (%s): %s", i, role, r.outcome().detail()).isEqualTo(expected);
            int expectedAttempts = switch (role) {
                case DOWN, SLOW -> 3;
                case UNSUPPORTED, NO_CREDENTIALS -> 0;
                default -> 1;
            };
            if (role == Role.OK) {
                // a success may follow a timed-out first try on a loaded machine; never more tries than allowed
                assertThat(r.attempts()).isBetween(1, 3);
                assertThat(stubs.hits(i)).isEqualTo(r.attempts());
            } else {
                assertThat(r.attempts()).as("attempts of phone-%d (%s)", i, role).isEqualTo(expectedAttempts);
                if (role != Role.DOWN) {
                    assertThat(stubs.hits(i)).as("requests seen by phone-%d (%s)", i, role).isEqualTo(expectedAttempts);
                }
            }
            assertThat(r.outcome().detail()).doesNotContain("right-pw");
        }
        assertThat(report.countsByKind().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(N);
        assertThat(seenKinds.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(N);
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(32);
        assertThat(report.countsByModel()).containsKeys("CP-8845", "CP-7841");
        assertThat(report.toCsv().lines()).hasSize(N + 1).first().isEqualTo(String.join(",", FleetReport.CSV_COLUMNS));
        assertThat(report.toJson()).contains("\"phones\" : 300", "\"UNSUPPORTED\"", "\"items\"").doesNotContain("right-pw");
    }

    @Test
    void deadlineEndsTheRunWithAnOutcomeForEveryPhone() throws Exception {
        // 40 silent phones, 2 at a time, 10 s per request but 1 s overall: most never get a slot
        try (StubPhones silent = StubPhones.start(40, i -> StubPhones.silent())) {
            List<PhoneEntry> slow = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                slow.add(new PhoneEntry("p" + i, silent.address(i), "CP-8845", "", ""));
            }
            FleetPush push = FleetPush.builder(transport).credentials(p -> GOOD)
                    .config(new FleetConfig(2, Duration.ofSeconds(1), Duration.ofSeconds(10), RetryPolicy.DEFAULTS)).build();
            FleetReport report = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> push.run(new Inventory(slow), CHIME));
            assertThat(report.results()).hasSize(slow.size())
                    .allSatisfy(r -> assertThat(r.outcome().kind()).isIn(OutcomeKind.TIMED_OUT, OutcomeKind.DEADLINE_EXCEEDED));
            assertThat(report.countsByKind()).containsKey(OutcomeKind.DEADLINE_EXCEEDED);
        }
    }

    @Test
    void aPushFromXmlIsReadLeniently() {
        XsiPush a = XsiPush.ofXml("x", ("<?xml version=\"1.0\"?><CiscoIPPhoneExecute><ExecuteItem Priority=\"0\" URL=\"Key:Services\"/>"
                + "<ExecuteItem URL=\"http://h/a?x=1&amp;y=2\"/></CiscoIPPhoneExecute>").getBytes(StandardCharsets.UTF_8));
        assertThat(a.rootElement()).isEqualTo("CiscoIPPhoneExecute");
        assertThat(a.document()).isEqualTo(io.phonectl.xsi.object.Execute.builder().item(0, "Key:Services").item("http://h/a?x=1&y=2").build());
        assertThatThrownBy(() -> XsiPush.ofXml("b", "<CiscoIPPhoneText><Text>x</Tex>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XsiParseException.class);
    }

    @Test
    void aFailingCredentialsFunctionCostsOnlyThatPhone() throws Exception {
        try (StubPhones own = StubPhones.start(2, i -> StubPhones.success())) {
            List<PhoneEntry> two = List.of(new PhoneEntry("a", own.address(0), "CP-8845", "", ""),
                    new PhoneEntry("b", own.address(1), "CP-8845", "", ""));
            FleetReport r = FleetPush.builder(transport).credentials(p -> {
                if (p.name().equals("a")) {
                    throw new IllegalStateException("boom");
                }
                return GOOD;
            }).build().run(new Inventory(two), CHIME);
            // our own failure is reported as one, not as a phone's malformed answer
            assertThat(r.results()).extracting(x -> x.outcome().kind())
                    .containsExactly(OutcomeKind.INTERNAL_ERROR, OutcomeKind.EXECUTED);
            assertThat(r.results().getFirst().outcome().detail()).contains("internal error", "boom");
            assertThat(own.hits(0)).isZero();
        }
    }

    @Test
    void progressLine() {
        FleetProgress p = new FleetProgress(200, 50, 40, 8, 2, 10, 32, 1, Duration.ofSeconds(2), 25.0, Duration.ofSeconds(6));
        assertThat(p.line(8)).isEqualTo("[##------] 50/200  ok 40  failed 8  not sent 2  in flight 10 (limit 32)  25/s  ETA 6s");
        assertThat(new FleetProgress(1, 0, 0, 0, 0, 1, 4, 0, Duration.ZERO, 0, null).line(4)).startsWith("[----] 0/1").endsWith("ETA ?");
    }

    @Test
    void timeToNIsByNearestRank() {
        long[] at = new long[200];
        for (int i = 0; i < at.length; i++) {
            at[i] = (200 - i) * 10L; // 10 .. 2000 ms, in reverse
        }
        TimeToN t = TimeToN.of(at);
        assertThat(t.phones()).isEqualTo(200);
        assertThat(t.first()).isEqualTo(Duration.ofMillis(10));
        assertThat(t.median()).isEqualTo(Duration.ofMillis(1000)); // the 100th of 200
        assertThat(t.p99()).isEqualTo(Duration.ofMillis(1980));    // the 198th
        assertThat(t.last()).isEqualTo(Duration.ofMillis(2000));
        assertThat(t.line()).isEqualTo("first 10 ms, median 1,000 ms, p99 1,980 ms, last 2,000 ms");
        assertThat(TimeToN.of(new long[]{7})).isEqualTo(new TimeToN(1, Duration.ofMillis(7), Duration.ofMillis(7),
                Duration.ofMillis(7), Duration.ofMillis(7)));
        assertThat(TimeToN.of(new long[0])).isEqualTo(TimeToN.NONE);
    }

    @Test
    void retryPolicyBackoffGrowsToItsCap() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), 2.0, Duration.ofMillis(350));
        assertThat(List.of(p.backoff(1), p.backoff(2), p.backoff(3), p.backoff(4)))
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(350), Duration.ofMillis(350));
    }
}
