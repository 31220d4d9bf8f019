package io.phonectl.client.paging;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.media.g711.G711;
import io.phonectl.xsi.component.StopMedia;
import io.phonectl.xsi.push.XsiPush;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pages to simulated phones with real RTP receivers on loopback; what the phones received is read from the sim. */
class PagingSessionTest {
    /** The fleet: RTP Streaming API models, legacy-only models, and a Multiplatform phone that supports neither. */
    static final List<String> MODELS = List.of("CP-8845", "CP-7841", "CP-7962", "CP-8821", "CP-8851-3PCC");
    static final int HALF_SECOND_PACKETS = 25;

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

    @AfterEach
    void stopEverything() {
        for (PhoneEntry p : fleet.inventory().phones()) {
            if (!p.model().endsWith("3PCC")) {
                client(p).stopMedia(StopMedia.all()); // frees sockets a failed assertion may have left open
            }
        }
    }

    static XsiClient client(PhoneEntry p) {
        return XsiClient.of(transport, p.address(), Credentials.of("admin", "admin"));
    }

    /** A 440 Hz tone, µ-law. */
    static byte[] tone(double seconds) {
        short[] pcm = new short[(int) (8000 * seconds)];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        return G711.MU_LAW.encode(pcm);
    }

    static PagingSession.Builder session(Inventory phones, PagingConfig config, byte[] audio) {
        return PagingSession.builder(transport).phones(phones).config(config).muLawAudio(audio)
                .credentials(p -> Credentials.of("admin", "admin"));
    }

    /** At the first STOPPING event (streams done, no phone told to stop yet) waits until phones report the packets. */
    static final class Snapshot implements PagingListener {
        final Map<String, JsonNode> streams = new ConcurrentHashMap<>();
        private final AtomicBoolean taken = new AtomicBoolean();
        private final long expected;

        Snapshot(long expected) {
            this.expected = expected;
        }

        @Override
        public void progress(PagingProgress p) {
            if (p.phase() != PagingProgress.Phase.STOPPING || !taken.compareAndSet(false, true)) {
                return;
            }
            for (PhoneEntry phone : fleet.inventory().phones()) {
                try {
                    await().atMost(Duration.ofSeconds(5)).until(() -> {
                        long r = fleet.received(phone.name());
                        return r < 0 || r >= expected;
                    });
                    streams.put(phone.name(), fleet.streams(phone.name()));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Test
    void unicastPageReachesEverySupportingPhoneWithoutLossAndStopsThem() throws Exception {
        Snapshot snapshot = new Snapshot(2L * HALF_SECOND_PACKETS);
        List<PhoneEntry> phones = new ArrayList<>(fleet.inventory().phones());
        phones.add(SimFleet.unreachable("gone"));
        PagingConfig config = PagingConfig.builder().unicast(SimFleet.freeEvenPortRun(phones.size(), 1)).loops(2)
                .volume(60).requestTimeout(Duration.ofSeconds(3)).build();
        PagingReport report = session(new Inventory(phones), config, tone(0.5)).listener(snapshot).build().run();

        Map<String, PagingResult> byName = new java.util.HashMap<>();
        report.results().forEach(r -> byName.put(r.phone().model().isEmpty() ? r.phone().name() : r.phone().model(), r));
        assertThat(byName.get("CP-8845").api()).isEqualTo(PagingApi.MEDIA);
        assertThat(byName.get("CP-7962").api()).isEqualTo(PagingApi.MEDIA);
        assertThat(byName.get("CP-7841").api()).isEqualTo(PagingApi.LEGACY);
        assertThat(byName.get("CP-8821").api()).isEqualTo(PagingApi.LEGACY);
        for (String model : List.of("CP-8845", "CP-7841", "CP-7962", "CP-8821")) {
            PagingResult r = byName.get(model);
            assertThat(r.status()).as(model + ": " + r.detail()).isEqualTo(PagingStatus.RECEIVED);
            assertThat(r.packetsSent()).isEqualTo(2L * HALF_SECOND_PACKETS);
            assertThat(r.stopped()).as(r.stopDetail()).isTrue();
            JsonNode stream = snapshot.streams.get(r.phone().name()).get(0);
            assertThat(stream.get("mode").asString()).isEqualTo("receive");
            JsonNode source = stream.get("sources").get(0);
            assertThat(stream.get("sources")).hasSize(1);
            assertThat(source.get("received").asLong()).isEqualTo(2L * HALF_SECOND_PACKETS);
            assertThat(source.get("lost").asLong()).isZero();
            assertThat(source.get("payloadTypeErrors").asLong()).isZero();
            assertThat(source.get("timestampStepErrors").asLong()).isZero();
            assertThat(source.get("markers").asLong()).isEqualTo(1);
            assertThat(fleet.streams(r.phone().name())).as(model + " still receiving").isEmpty();
        }
        assertThat(byName.get("CP-8845").streamId()).isNotEmpty();
        assertThat(byName.get("CP-8851-3PCC").status()).isEqualTo(PagingStatus.REFUSED_UNSUPPORTED);
        assertThat(byName.get("CP-8851-3PCC").detail()).contains("does not support");
        assertThat(byName.get("gone").status()).isEqualTo(PagingStatus.UNREACHABLE);
        assertThat(report.leftReceiving()).isEmpty();
        assertThat(report.allReceived()).isFalse();
        assertThat(report.cancelled()).isFalse();
        assertThat(report.secondsTotal()).isEqualTo(1.0);
    }

    @Test
    void multicastPageIsOneStreamThatEveryJoinedPhoneHears() throws Exception {
        Snapshot snapshot = new Snapshot(HALF_SECOND_PACKETS);
        InetSocketAddress group = new InetSocketAddress(InetAddress.getByName("239.255.42.7"), SimFleet.freeEvenPortRun(1, 2));
        PagingConfig config = PagingConfig.builder().multicast(group)
                .multicastInterface(NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress())).build();
        Inventory phones = fleet.inventory().select(List.of(io.phonectl.client.inventory.Selector.parse("model=CP-8845,CP-7841")));
        PagingReport report = session(phones, config, tone(0.5)).listener(snapshot).build().run();

        assertThat(report.results()).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).as(r.detail()).isEqualTo(PagingStatus.RECEIVED);
            assertThat(r.target()).isEqualTo("239.255.42.7:" + group.getPort());
            assertThat(r.stopped()).isTrue();
        });
        for (PagingResult r : report.results()) {
            JsonNode stream = snapshot.streams.get(r.phone().name()).get(0);
            assertThat(stream.get("multicast").asBoolean()).isTrue();
            assertThat(stream.get("sources").get(0).get("received").asLong()).isEqualTo(HALF_SECOND_PACKETS);
            assertThat(stream.get("sources").get(0).get("lost").asLong()).isZero();
            assertThat(fleet.streams(r.phone().name())).isEmpty();
        }
    }

    @Test
    void busyPhonesAreReportedAsSuchAndLeftAsTheyWere() throws Exception {
        PhoneEntry legacy = phone("CP-7841");
        PhoneEntry media = phone("CP-8845");
        int busyPort = SimFleet.freeEvenPortRun(1, 3);
        assertThat(client(legacy).execute("RTPRx:127.0.0.1:" + busyPort).succeeded()).isTrue();
        for (int i = 0; i < 2; i++) { // both media resources taken by send streams
            assertThat(client(media).push(XsiPush.ofXml("send", ("<startMedia><mediaStream><type>audio</type>"
                    + "<codec>G.711</codec><mode>send</mode><address>127.0.0.1</address><port>" + (busyPort + 2 + 2 * i)
                    + "</port></mediaStream></startMedia>").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .succeeded()).isTrue();
        }
        PagingConfig config = PagingConfig.builder().unicast(SimFleet.freeEvenPortRun(2, 4)).build();
        PagingReport report = session(new Inventory(List.of(legacy, media)), config, tone(0.1)).build().run();

        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.status()).as(r.detail()).isEqualTo(PagingStatus.REFUSED_BUSY);
            assertThat(r.stopDetail()).as("a refusing phone is not told to stop someone else's stream").isEmpty();
        });
        assertThat(fleet.streams(legacy.name())).hasSize(1);
        assertThat(fleet.streams(media.name())).hasSize(2);
    }

    @Test
    void forcingAnApiTheModelLacksIsRefusedByTheCatalogWithoutContactingThePhone() throws Exception {
        PhoneEntry legacyOnly = phone("CP-7841");
        PagingConfig config = PagingConfig.builder().api(PagingApi.MEDIA).unicast(SimFleet.freeEvenPortRun(1, 5)).build();
        int before = fleet.phones().stream().filter(p -> p.name().equals(legacyOnly.name())).findFirst().orElseThrow()
                .history().executed().size();
        PagingReport report = session(new Inventory(List.of(legacyOnly)), config, tone(0.1)).build().run();
        assertThat(report.results().get(0).status()).isEqualTo(PagingStatus.REFUSED_UNSUPPORTED);
        assertThat(report.results().get(0).detail()).contains("CP-7841").contains("source:");
        assertThat(fleet.phones().stream().filter(p -> p.name().equals(legacyOnly.name())).findFirst().orElseThrow()
                .history().executed()).hasSize(before);
    }

    @Test
    void wrongCredentialsAreARefusalNamingAuthenticationAndNothingIsStreamed() throws Exception {
        PagingConfig config = PagingConfig.builder().unicast(SimFleet.freeEvenPortRun(2, 6)).build();
        Inventory two = new Inventory(List.of(phone("CP-8845"), phone("CP-7841")));
        PagingReport report = PagingSession.builder(transport).phones(two).config(config).muLawAudio(tone(0.1))
                .credentials(p -> Credentials.of("admin", "wrong")).build().run();
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(PagingStatus.REFUSED);
            assertThat(r.detail()).containsIgnoringCase("auth").doesNotContain("wrong");
            assertThat(r.packetsSent()).isZero();
        });
    }

    @Test
    void phonesBeyondTheLastLegalPortOnAHostAreRefusedWithTheRule() throws Exception {
        Inventory three = new Inventory(List.of(SimFleet.unreachable("a"), SimFleet.unreachable("b"), SimFleet.unreachable("c")));
        PagingReport report = session(three, PagingConfig.builder().unicast(32766).build(), tone(0.1)).build().run();
        assertThat(report.results().get(0).target()).isEqualTo("127.0.0.1:32766");
        assertThat(report.results().get(1).target()).isEqualTo("127.0.0.1:32768");
        assertThat(report.results().subList(0, 2)).allSatisfy(r -> assertThat(r.status()).isEqualTo(PagingStatus.UNREACHABLE));
        assertThat(report.results().get(2).status()).isEqualTo(PagingStatus.REFUSED);
        assertThat(report.results().get(2).detail()).contains("32770").contains("source:");
    }

    static PhoneEntry phone(String model) {
        return fleet.inventory().phones().stream().filter(p -> p.model().equals(model)).findFirst().orElseThrow();
    }
}
