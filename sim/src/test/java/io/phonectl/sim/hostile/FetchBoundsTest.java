package io.phonectl.sim.hostile;

import io.phonectl.sim.FleetHost;
import io.phonectl.sim.SimConfig;
import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 16 hardening: a page (or authentication URL) that streams forever or trickles one byte a second costs the
 * simulator at most its cap and its deadline. Runs in the small-heap JVM (sim/pom.xml, execution small-heap):
 * reading an endless body whole fails there with OutOfMemoryError within seconds.
 */
@SmallHeap
class FetchBoundsTest {

    /** Generous: the phone's deadline is 5 s; before the fix a trickling page held the answer until the peer stopped. */
    static final Duration BOUND = Duration.ofSeconds(45);

    static FleetHost host;
    static SimPhone phone;

    @BeforeAll
    static void start() throws Exception {
        Heap.checkSmall();
        host = FleetHost.start(SimConfig.ephemeral(1, List.of("CP-8845")));
        phone = host.phones().getFirst();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aPageThatStreamsForeverIsCutAtTheCap() throws Exception {
        try (HostilePeer peer = new HostilePeer(HostilePeer.Mode.ENDLESS, "text/xml")) {
            HttpResponse<String> r = assertTimeoutPreemptively(BOUND,
                    () -> Plain.push(FleetHost.uriOf(phone), Plain.execute(peer.uri("/forever").toString())));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Data=\"Success\"").doesNotContain("Exception");
            assertThat(phone.screen().prompt()).isEqualTo("Request Too Large");
        }
    }

    @Test
    void aPageSendingOneByteASecondEndsAtTheDeadline() throws Exception {
        try (HostilePeer peer = new HostilePeer(HostilePeer.Mode.TRICKLE, "text/xml")) {
            HttpResponse<String> r = assertTimeoutPreemptively(BOUND,
                    () -> Plain.push(FleetHost.uriOf(phone), Plain.execute(peer.uri("/slow").toString())));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(phone.screen().prompt()).isEqualTo("Request Timed Out");
        }
    }

    @Test
    void anAuthenticationUrlThatStreamsForeverRefusesTheRequest() throws Exception {
        try (HostilePeer peer = new HostilePeer(HostilePeer.Mode.ENDLESS, "text/plain");
             FleetHost delegated = FleetHost.start(SimConfig.ephemeral(1, List.of("CP-8845")).withAuthUrl(peer.uri("/auth"), false))) {
            HttpResponse<String> r = assertTimeoutPreemptively(BOUND,
                    () -> Plain.push(FleetHost.uriOf(delegated.phones().getFirst()), Plain.execute("Key:Services")));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).isEqualTo("<CiscoIPPhoneError Number=\"4\" />");
        }
    }

    @Test
    void anAuthenticationUrlSendingOneByteASecondRefusesAtTheDeadline() throws Exception {
        try (HostilePeer peer = new HostilePeer(HostilePeer.Mode.TRICKLE, "text/plain");
             FleetHost delegated = FleetHost.start(SimConfig.ephemeral(1, List.of("CP-8845")).withAuthUrl(peer.uri("/auth"), false))) {
            HttpResponse<String> r = assertTimeoutPreemptively(BOUND,
                    () -> Plain.push(FleetHost.uriOf(delegated.phones().getFirst()), Plain.execute("Key:Services")));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(peer.requests()).isEqualTo(1);
        }
    }
}
