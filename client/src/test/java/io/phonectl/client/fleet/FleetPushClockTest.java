package io.phonectl.client.fleet;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.Phase;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.object.ResponseItem;
import io.phonectl.xsi.object.ResponseStatus;
import io.phonectl.xsi.push.XsiPush;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Deadlines, retries and backoff of {@link FleetPush} on a clock that only moves when told: phones answer at once
 * (each exchange advances the clock by the time it "took"), so minutes of fleet time pass in milliseconds.
 */
class FleetPushClockTest {

    static final XsiPush PUSH = XsiPush.of("keys", Execute.of("Key:Services"));
    static final Credentials CREDENTIALS = Credentials.of("admin", "pw");

    /** Virtual time: {@code sleep} records the backoff and moves the clock; nothing waits. */
    static final class FakeClock implements FleetClock {
        final AtomicLong now = new AtomicLong(5_000_000_000L);
        final List<Long> sleptMillis = Collections.synchronizedList(new ArrayList<>());

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void sleep(long nanos) {
            sleptMillis.add(nanos / 1_000_000);
            now.addAndGet(nanos);
        }

        void advance(Duration d) {
            now.addAndGet(d.toNanos());
        }
    }

    /** A phone that takes {@code takes} per exchange; if that is longer than the timeout it times out instead. */
    record Scripted(FakeClock clock, Duration takes, Function<Duration, PushOutcome> answer, List<Long> timeouts)
            implements FleetPush.Sender {
        Scripted(FakeClock clock, Duration takes, Function<Duration, PushOutcome> answer) {
            this(clock, takes, answer, Collections.synchronizedList(new ArrayList<>()));
        }

        @Override
        public CompletableFuture<PushOutcome> send(PhoneEntry phone, Credentials c, XsiPush push, Duration timeout) {
            timeouts.add(timeout.toMillis());
            boolean late = takes.compareTo(timeout) > 0;
            clock.advance(late ? timeout : takes);
            return CompletableFuture.completedFuture(late ? new PushOutcome.TimedOut(Phase.RESPONSE, timeout.toMillis())
                    : answer.apply(timeout));
        }
    }

    static Inventory phones(int n) {
        List<PhoneEntry> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new PhoneEntry("p" + i, new PhoneAddress("127.0.0." + (i + 1), 80), "CP-8845", "", ""));
        }
        return new Inventory(list);
    }

    static FleetReport run(FakeClock clock, FleetPush.Sender sender, FleetConfig config, int phones) {
        FleetPush push = FleetPush.builder(sender).clock(clock).credentials(p -> CREDENTIALS)
                .preflight(Preflight.none()).config(config).build();
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> push.run(phones(phones), PUSH));
    }

    static final PushOutcome REFUSED = new PushOutcome.Refused("Connection refused");
    static final PushOutcome EXECUTED = new PushOutcome.Executed(200,
            List.of(ResponseItem.of("Key:Services", ResponseStatus.SUCCESS)));

    @Test
    void aRefusedPhoneIsRetriedWithGrowingBackoffUntilItsAttemptsRunOut() {
        FakeClock clock = new FakeClock();
        FleetConfig config = new FleetConfig(4, Duration.ofSeconds(60), Duration.ofSeconds(10),
                new RetryPolicy(4, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5)));
        FleetReport r = run(clock, new Scripted(clock, Duration.ZERO, t -> REFUSED), config, 1);

        PhoneResult p = r.results().getFirst();
        assertThat(p.outcome().kind()).isEqualTo(OutcomeKind.REFUSED);
        assertThat(p.attempts()).isEqualTo(4);
        assertThat(clock.sleptMillis).containsExactly(200L, 400L, 800L);
        assertThat(p.elapsedMillis()).isEqualTo(1400);
        assertThat(r.wall()).isEqualTo(Duration.ofMillis(1400));
    }

    @Test
    void noBackoffCrossesTheDeadline() {
        FakeClock clock = new FakeClock();
        FleetConfig config = new FleetConfig(4, Duration.ofSeconds(1), Duration.ofSeconds(10),
                new RetryPolicy(10, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5)));
        PhoneResult p = run(clock, new Scripted(clock, Duration.ZERO, t -> REFUSED), config, 1).results().getFirst();

        // attempts at 0, 200 and 600 ms; the next wait (800 ms) would end after the 1 s deadline
        assertThat(p.attempts()).isEqualTo(3);
        assertThat(clock.sleptMillis).containsExactly(200L, 400L);
        assertThat(p.outcome().kind()).isEqualTo(OutcomeKind.REFUSED);
    }

    @Test
    void eachAttemptGetsWhatIsLeftOfTheDeadline() {
        FakeClock clock = new FakeClock();
        FleetConfig config = new FleetConfig(4, Duration.ofSeconds(25), Duration.ofSeconds(10),
                new RetryPolicy(5, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5)));
        Scripted silent = new Scripted(clock, Duration.ofHours(1), t -> EXECUTED);
        PhoneResult p = run(clock, silent, config, 1).results().getFirst();

        // 10 s, backoff 0.2 s, 10 s, backoff 0.4 s, then only 4.4 s are left of the 25 s
        assertThat(silent.timeouts()).containsExactly(10_000L, 10_000L, 4_400L);
        assertThat(p.outcome().kind()).isEqualTo(OutcomeKind.TIMED_OUT);
        assertThat(p.attempts()).isEqualTo(3);
        assertThat(p.elapsedMillis()).isEqualTo(25_000);
    }

    @Test
    void onlyTransientFailuresAreRetried() {
        FakeClock clock = new FakeClock();
        Scripted auth = new Scripted(clock, Duration.ofMillis(30), t -> new PushOutcome.PhoneError(401, 4, null));
        PhoneResult p = run(clock, auth, FleetConfig.DEFAULTS, 1).results().getFirst();
        assertThat(p.outcome().kind()).isEqualTo(OutcomeKind.AUTH_FAILED);
        assertThat(p.attempts()).isEqualTo(1);
        assertThat(clock.sleptMillis).isEmpty();
    }

    @Test
    void phonesWithoutASlotBeforeTheDeadlineAreReportedSo() {
        FakeClock clock = new FakeClock();
        // one phone at a time, 30 s per exchange, 45 s in all: the first is done at 30 s, the second runs out of
        // time at 45 s, the third gets the slot when nothing is left
        FleetConfig config = new FleetConfig(1, Duration.ofSeconds(45), Duration.ofSeconds(60), RetryPolicy.NONE);
        FleetReport r = run(clock, new Scripted(clock, Duration.ofSeconds(30), t -> EXECUTED), config, 3);

        assertThat(r.results()).extracting(x -> x.outcome().kind()).containsExactlyInAnyOrder(
                OutcomeKind.EXECUTED, OutcomeKind.TIMED_OUT, OutcomeKind.DEADLINE_EXCEEDED);
        PhoneResult late = r.results().stream()
                .filter(x -> x.outcome().kind() == OutcomeKind.DEADLINE_EXCEEDED).findFirst().orElseThrow();
        assertThat(late.attempts()).isZero();
        assertThat(late.outcome().detail()).contains("45000 ms deadline");
        assertThat(r.wall()).isEqualTo(Duration.ofSeconds(45));
    }
}
