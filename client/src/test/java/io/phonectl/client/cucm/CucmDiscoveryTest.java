package io.phonectl.client.cucm;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.Selector;
import io.phonectl.client.tls.TlsPolicy;
import io.phonectl.sim.cucm.CucmConfig;
import io.phonectl.sim.cucm.CucmDirectory;
import io.phonectl.sim.cucm.CucmUser;
import io.phonectl.sim.cucm.SimCucm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Discovery against the simulated CUCM over loopback, with the clock both share moved instead of waited. */
class CucmDiscoveryTest {

    final TestClock clock = new TestClock();
    SimCucm cucm;

    @AfterEach
    void stop() {
        if (cucm != null) {
            cucm.close();
        }
    }

    static String name(int i) {
        return String.format("SEP00AB%08X", i + 1);
    }

    SimCucm start(int phones, CucmConfig config) throws Exception {
        CucmDirectory d = CucmDirectory.of(config, clock);
        for (int i = 0; i < phones; i++) {
            d.add(new CucmDirectory.PhoneSpec(name(i), "Desk " + i, i % 2 == 0 ? "CP-8845" : "DP-9841", "SIP",
                    "DP-" + (i % 3), Integer.toString(2000 + i), "127.2." + (i / 250) + "." + (i % 250 + 1)));
            d.register(name(i), config.nodes().get(i % config.nodes().size()), null);
        }
        d.restartAxl();
        cucm = SimCucm.start(config, d, clock);
        return cucm;
    }

    static CucmConfig plain() {
        return CucmConfig.defaults("axl", "secret").withListener(InetAddress.getLoopbackAddress(), 0, false);
    }

    CucmClientConfig.Builder client(String user, String password) {
        CucmClientConfig.Builder b = CucmClientConfig.builder("127.0.0.1", Credentials.of(user, password))
                .port(cucm.uri().getPort());
        return cucm.config().tls() ? b : b.plainHttp();
    }

    DiscoveryResult discover(CucmClientConfig config, DiscoveryListener l) throws Exception {
        try (CucmDiscovery d = new CucmDiscovery(config, clock, clock.sleeper())) {
            return d.discover(p -> true, l);
        }
    }

    static Map<String, DiscoveredPhone> byName(DiscoveryResult r) {
        return r.phones().stream().collect(Collectors.toMap(DiscoveredPhone::name, Function.identity()));
    }

    @Test
    void pagesThroughAxlAndMergesRisPort() throws Exception {
        start(2500, plain());
        DiscoveryResult r = discover(client("axl", "secret").build(), DiscoveryListener.NONE);
        assertThat(r.phones()).hasSize(2500);
        // listChange, three listPhone pages of 1,000, one line query
        assertThat(r.axlRequests()).isEqualTo(5);
        assertThat(r.risRequests()).isEqualTo(3);
        assertThat(r.waited()).isZero();
        DiscoveredPhone p = byName(r).get(name(7));
        assertThat(p.status()).isEqualTo("Registered");
        assertThat(p.ip()).isEqualTo("127.2.0.8");
        assertThat(p.dn()).isEqualTo("2007");
        assertThat(p.model()).isEqualTo("Cisco 9841");
        assertThat(p.catalogModel()).isEqualTo("DP-9841");
        assertThat(p.devicePool()).isEqualTo("DP-1");
        assertThat(p.node()).isEqualTo("cucm-sub1");
        assertThat(p.httpd()).isEqualTo("Yes");
        assertThat(r.byStatus()).containsEntry("Registered", 2500);
    }

    @Test
    void splitsWhatAxlFindsTooLarge() throws Exception {
        start(600, plain().withMaxReplyBytes(32 * 1024));
        List<String> phases = new ArrayList<>();
        DiscoveryResult r = discover(client("axl", "secret").build(), new DiscoveryListener() {
            @Override
            public void phase(String name, int total) {
                phases.add(name);
            }
        });
        assertThat(r.phones()).hasSize(600);
        assertThat(r.phones()).allMatch(p -> p.dn().equals(Integer.toString(2000 + Integer.parseInt(
                p.name().substring(7), 16) - 1)));
        assertThat(phases).anyMatch(s -> s.startsWith("AXL phones (pages of ") && s.contains("over 8 MB"))
                .anyMatch(s -> s.startsWith("AXL lines (600 rows in slices of "));
        assertThat(r.axlRequests()).isGreaterThan(5);
    }

    @Test
    void waitsForTheRateLimitInsteadOfBeingRefused() throws Exception {
        start(4000, plain());
        List<Duration> waits = new ArrayList<>();
        DiscoveryResult r = discover(client("axl", "secret").risBatch(200).build(), new DiscoveryListener() {
            @Override
            public void waiting(Duration wait, String why) {
                waits.add(wait);
                assertThat(why).contains("15 requests a minute");
            }
        });
        assertThat(r.risRequests()).isEqualTo(20);
        assertThat(cucm.risRequests()).isEqualTo(20);
        assertThat(waits).hasSize(1);
        assertThat(r.waited()).isEqualTo(waits.getFirst()).isEqualTo(clock.slept);
        assertThat(r.waited()).isEqualTo(Duration.ofSeconds(61));
        assertThat(r.byStatus()).containsEntry("Registered", 4000);
    }

    @Test
    void backsOffWhenAnotherClientUsedTheBudget() throws Exception {
        start(10, plain().withRatePerMinute(2));
        try (CucmDiscovery other = new CucmDiscovery(client("axl", "secret").build(), clock, clock.sleeper())) {
            other.discover(p -> true, DiscoveryListener.NONE);
            other.discover(p -> true, DiscoveryListener.NONE);
        }
        List<String> why = new ArrayList<>();
        DiscoveryResult r = discover(client("axl", "secret").build(), new DiscoveryListener() {
            @Override
            public void waiting(Duration wait, String reason) {
                why.add(reason);
            }
        });
        assertThat(why).anyMatch(s -> s.contains("refused for its rate limit"));
        assertThat(r.byStatus()).containsEntry("Registered", 10);
    }

    @Test
    void theLatestEntryAcrossNodesWins() throws Exception {
        start(3, plain());
        CucmDirectory d = cucm.directory();
        d.staleEntry(name(0), "cucm-sub1", 3600);               // old UnRegistered on the other node
        clock.advance(Duration.ofSeconds(30));
        d.register(name(1), "cucm-pub", null);                  // moved from sub1 to pub: sub1 now says UnRegistered
        d.unregister(name(2), CucmDirectory.KEEPALIVE_TIMEOUT);
        DiscoveryResult r = discover(client("axl", "secret").build(), DiscoveryListener.NONE);
        Map<String, DiscoveredPhone> m = byName(r);
        assertThat(m.get(name(0)).status()).isEqualTo("Registered");
        assertThat(m.get(name(0)).node()).isEqualTo("cucm-pub");
        assertThat(m.get(name(1)).status()).isEqualTo("Registered");
        assertThat(m.get(name(1)).node()).isEqualTo("cucm-pub");
        assertThat(m.get(name(2)).status()).isEqualTo("UnRegistered");
        assertThat(m.get(name(2)).reason()).isEqualTo("KeepAliveTimeout (13)");
        assertThat(m.get(name(2)).ip()).isEqualTo("127.2.0.3");
    }

    @Test
    void unregisteredRejectedAndUnseenPhones() throws Exception {
        start(3, plain());
        CucmDirectory d = cucm.directory();
        d.reject(name(1), "cucm-sub1", CucmDirectory.MAX_DEV_REG_REACHED);
        d.add(new CucmDirectory.PhoneSpec("SEP00AB0000FFFF", "never", "CP-8845", "SIP", "DP-0", "2999", null));
        d.webAccess(name(2), false);
        clock.advance(Duration.ofSeconds(5));
        d.register(name(2), "cucm-pub", null);
        DiscoveryResult r = discover(client("axl", "secret").build(), DiscoveryListener.NONE);
        Map<String, DiscoveredPhone> m = byName(r);
        assertThat(m.get(name(1)).status()).isEqualTo("Rejected");
        assertThat(m.get(name(1)).reason()).isEqualTo("MaxDevRegReached (5)");
        assertThat(m.get("SEP00AB0000FFFF").status()).isEqualTo(DiscoveredPhone.NOT_FOUND);
        assertThat(m.get("SEP00AB0000FFFF").ip()).isEmpty();
        assertThat(m.get(name(2)).httpd()).isEqualTo("No");
    }

    @Test
    void answersCutAtMaxReturnedDevicesAreAskedAgain() throws Exception {
        start(600, plain());
        CucmDirectory d = cucm.directory();
        for (int i = 0; i < 500; i++) {
            d.staleEntry(name(i), i % 2 == 0 ? "cucm-sub1" : "cucm-pub", 600);
        }
        DiscoveryResult r = discover(client("axl", "secret").build(), DiscoveryListener.NONE);
        assertThat(r.risTruncated()).isGreaterThanOrEqualTo(1);
        assertThat(r.risRequests()).isGreaterThan(1);
        assertThat(r.byStatus()).containsEntry("Registered", 600);
    }

    @Test
    void wrongCredentialsAndMissingRoles() throws Exception {
        start(1, plain().withUsers(List.of(CucmUser.both("axl", "secret"), new CucmUser("axlonly", "pw", true, false))));
        assertThatThrownBy(() -> discover(client("axl", "nope").build(), DiscoveryListener.NONE))
                .isInstanceOf(CucmClientException.Unauthorized.class).hasMessageContaining("HTTP 401")
                .hasMessageNotContaining("nope");
        assertThatThrownBy(() -> discover(client("axlonly", "pw").build(), DiscoveryListener.NONE))
                .isInstanceOf(CucmClientException.Forbidden.class)
                .hasMessageContaining("Standard RealtimeAndTraceCollection");
    }

    @Test
    void certificatesAreVerifiedPinnedOrTrustedFromAFile(@TempDir Path dir) throws Exception {
        start(2, CucmConfig.defaults("axl", "secret"));
        assertThatThrownBy(() -> discover(client("axl", "secret").build(), DiscoveryListener.NONE))
                .isInstanceOf(CucmClientException.Tls.class).hasMessageContaining("--trust")
                .hasMessageContaining("--insecure");
        String pin = cucm.certificate().orElseThrow().sha256();
        assertThat(discover(client("axl", "secret").tls(TlsPolicy.pinned(pin)).build(), DiscoveryListener.NONE)
                .phones()).hasSize(2);
        String wrongPin = (pin.charAt(0) == 'a' ? "b" : "a") + pin.substring(1);
        assertThatThrownBy(() -> discover(client("axl", "secret").tls(TlsPolicy.pinned(wrongPin)).build(),
                DiscoveryListener.NONE)).isInstanceOf(CucmClientException.Tls.class);
        Path pem = dir.resolve("tomcat.pem");
        Files.writeString(pem, cucm.certificate().orElseThrow().pem());
        assertThat(discover(client("axl", "secret").tls(TlsPolicy.verify(pem, null)).build(), DiscoveryListener.NONE)
                .phones()).hasSize(2);
        assertThat(discover(client("axl", "secret").tls(TlsPolicy.trustAll()).build(), DiscoveryListener.NONE)
                .phones()).hasSize(2);
    }

    @Test
    void incrementalSyncSeesAddedMovedAndDeletedPhones() throws Exception {
        start(20, plain());
        DiscoveryResult first = discover(client("axl", "secret").build(), DiscoveryListener.NONE);
        CucmDirectory d = cucm.directory();
        d.add(new CucmDirectory.PhoneSpec("SEP00AB0000AAAA", "new desk", "CP-8845", "SIP", "DP-9", "3000", "127.2.9.9"));
        d.register("SEP00AB0000AAAA", "cucm-pub", null);
        clock.advance(Duration.ofSeconds(10));
        d.move(name(3), "127.2.8.8");
        d.update(name(4), Map.of("devicePoolName", "DP-Moved"));
        d.remove(name(5));
        SyncOutcome s;
        try (CucmDiscovery sync = new CucmDiscovery(client("axl", "secret").build(), clock, clock.sleeper())) {
            s = sync.sync(SyncState.fromJson(first.state().toJson(), "state"), p -> true, DiscoveryListener.NONE);
        }
        assertThat(s.fullPass()).isFalse();
        assertThat(s.added()).containsExactly("SEP00AB0000AAAA");
        assertThat(s.updated()).containsExactly(name(4));
        assertThat(s.removed()).containsExactly(name(5));
        Map<String, DiscoveredPhone> m = byName(s.result());
        assertThat(m).hasSize(20).containsKey("SEP00AB0000AAAA").doesNotContainKey(name(5));
        assertThat(m.get(name(3)).ip()).isEqualTo("127.2.8.8");
        assertThat(m.get(name(4)).devicePool()).isEqualTo("DP-Moved");
        assertThat(m.get("SEP00AB0000AAAA").dn()).isEqualTo("3000");
        // the sync's own state carries on: nothing changed since
        try (CucmDiscovery again = new CucmDiscovery(client("axl", "secret").build(), clock, clock.sleeper())) {
            SyncOutcome quiet = again.sync(s.result().state(), p -> true, DiscoveryListener.NONE);
            assertThat(quiet.changesRead()).isZero();
            d.restartAxl();
            SyncOutcome full = again.sync(s.result().state(), p -> true, DiscoveryListener.NONE);
            assertThat(full.fullPass()).isTrue();
            assertThat(full.why()).contains("queueId");
            assertThat(full.result().phones()).hasSize(20);
        }
    }

    @Test
    void theInventoryIsWhatTheOtherCommandsRead(@TempDir Path dir) throws Exception {
        start(4, plain());
        cucm.directory().unregister(name(1), CucmDirectory.KEEPALIVE_TIMEOUT);
        cucm.directory().add(new CucmDirectory.PhoneSpec("SEP00AB0000FFFF", "a, \"quoted\" desk", "CP-8845", "SIP",
                "DP-0", "2999", null));
        DiscoveryResult r = discover(client("axl", "secret").build(), DiscoveryListener.NONE);
        for (String file : List.of("fleet.csv", "fleet.json")) {
            Path f = dir.resolve(file);
            assertThat(CucmInventory.write(f, r.phones(), 8080)).isEqualTo(4);
            Inventory inv = Inventory.read(f);
            assertThat(inv.size()).isEqualTo(4);
            assertThat(inv.phones().getFirst().address().toString()).isEqualTo("127.2.0.1:8080");
            assertThat(inv.phones().getFirst().model()).isEqualTo("CP-8845");
            assertThat(inv.phones().getFirst().detail("dn")).isEqualTo("2000");
            assertThat(inv.phones().getFirst().detail("devicepool")).isEqualTo("DP-0");
            assertThat(inv.select(List.of(Selector.parse("status=Registered"))).size()).isEqualTo(3);
            assertThat(inv.select(List.of(Selector.parse("devicepool=DP-1"))).phones().getFirst().name())
                    .isEqualTo(name(1));
        }
    }
}
