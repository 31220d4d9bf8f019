package io.phonectl.client.paging;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.XsiTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** A cancelled page (Ctrl-C: the shutdown hook calls cancel, then waits) leaves no phone receiving. */
class PagingCancelTest {
    static final List<String> MODELS = List.of("CP-8845", "CP-7841", "CP-7962", "CP-8821");
    static SimFleet fleet;
    static XsiTransport transport;

    @BeforeAll
    static void start() throws Exception {
        fleet = new SimFleet(MODELS);
        transport = XsiTransport.start();
    }

    @AfterAll
    static void stop() {
        transport.close();
        fleet.close();
    }

    static PagingSession.Builder session(PagingConfig config, double seconds) {
        return PagingSession.builder(transport).phones(fleet.inventory()).config(config)
                .muLawAudio(PagingSessionTest.tone(seconds)).credentials(p -> Credentials.of("admin", "admin"));
    }

    @Test
    void cancelHalfWayStopsEveryPhoneBeforeTheHookReturns() throws Exception {
        CountDownLatch halfWay = new CountDownLatch(1);
        PagingConfig config = PagingConfig.builder().unicast(SimFleet.freeEvenPortRun(MODELS.size(), 11)).build();
        PagingSession session = session(config, 10).listener(p -> {
            if (p.phase() == PagingProgress.Phase.STREAMING && p.secondsSent() >= 1.0 && p.receiving() == MODELS.size()) {
                halfWay.countDown();
            }
        }).build();
        CompletableFuture<PagingReport> running = CompletableFuture.supplyAsync(session::run);

        assertThat(halfWay.await(20, TimeUnit.SECONDS)).as("page reached one second").isTrue();
        for (PhoneEntry p : fleet.inventory().phones()) {
            assertThat(fleet.received(p.name())).as(p.name() + " receiving").isPositive();
        }
        // what the shutdown hook does: cancel, then wait for the session to have stopped the phones
        session.cancel();
        assertThat(session.awaitFinished(Duration.ofSeconds(20))).isTrue();
        for (PhoneEntry p : fleet.inventory().phones()) {
            assertThat(fleet.streams(p.name())).as(p.name() + " still receiving").isEmpty();
        }
        PagingReport report = running.get(20, TimeUnit.SECONDS);
        assertThat(report.cancelled()).isTrue();
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.status()).as(r.detail()).isEqualTo(PagingStatus.INTERRUPTED);
            assertThat(r.packetsSent()).isBetween(25L, 499L);
            assertThat(r.stopped()).as(r.stopDetail()).isTrue();
            assertThat(r.detail()).startsWith("cancelled after");
        });
        assertThat(report.leftReceiving()).isEmpty();
    }

    @Test
    void cancelWhileStartingSkipsTheRestAndStopsThoseAlreadyTold() throws Exception {
        AtomicBoolean once = new AtomicBoolean();
        PagingSession[] holder = new PagingSession[1];
        PagingConfig config = PagingConfig.builder().unicast(SimFleet.freeEvenPortRun(MODELS.size(), 12)).concurrency(1).build();
        PagingSession session = session(config, 10).listener(p -> {
            if (p.phase() == PagingProgress.Phase.STARTING && p.answered() == 1 && once.compareAndSet(false, true)) {
                holder[0].cancel();
            }
        }).build();
        holder[0] = session;
        PagingReport report = session.run();

        assertThat(report.results().get(0).status()).isEqualTo(PagingStatus.INTERRUPTED);
        assertThat(report.results().get(0).stopped()).isTrue();
        assertThat(report.results().get(0).packetsSent()).isZero();
        assertThat(report.results().subList(1, MODELS.size()))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(PagingStatus.NOT_CONTACTED));
        for (PhoneEntry p : fleet.inventory().phones()) {
            assertThat(fleet.streams(p.name())).as(p.name() + " still receiving").isEmpty();
        }
    }

    @Test
    void aSessionRunsOnceAndCancelBeforeRunContactsNobody() throws Exception {
        PagingSession session = session(PagingConfig.builder().unicast(SimFleet.freeEvenPortRun(MODELS.size(), 13)).build(), 1).build();
        session.cancel();
        PagingReport report = session.run();
        assertThat(report.results()).allSatisfy(r -> assertThat(r.status()).isEqualTo(PagingStatus.NOT_CONTACTED));
        assertThat(session.awaitFinished(Duration.ZERO)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(session::run).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailureForOnePhoneBecomesItsRowAndTheOthersArePaged() throws Exception {
        PagingConfig config = PagingConfig.builder().unicast(SimFleet.freeEvenPortRun(MODELS.size(), 14)).build();
        io.phonectl.client.fleet.Preflight catalog = io.phonectl.client.fleet.CatalogPreflight.standard();
        PagingReport report = session(config, 0.1).preflight((phone, action) -> {
            if (phone.model().equals("CP-7841")) {
                throw new IllegalStateException("boom");
            }
            return catalog.check(phone, action);
        }).build().run();
        assertThat(report.results()).allSatisfy(r -> {
            if (r.phone().model().equals("CP-7841")) {
                assertThat(r.status()).isEqualTo(PagingStatus.REFUSED);
                assertThat(r.detail()).contains("boom");
                assertThat(r.stopDetail()).isEmpty();
            } else {
                assertThat(r.status()).as(r.detail()).isEqualTo(PagingStatus.RECEIVED);
                assertThat(r.packetsSent()).isEqualTo(5);
            }
        });
        for (PhoneEntry p : fleet.inventory().phones()) {
            assertThat(fleet.streams(p.name())).isEmpty();
        }
    }
}
