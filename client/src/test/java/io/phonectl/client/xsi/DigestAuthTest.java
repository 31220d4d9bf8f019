package io.phonectl.client.xsi;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.fleet.FleetPush;
import io.phonectl.client.fleet.FleetReport;
import io.phonectl.client.fleet.PhoneResult;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.testing.DigestPhone;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.push.XsiPush;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Digest (RFC 7616/2617, MD5 and SHA-256, qop=auth) against a loopback phone that checks answers from the RFC itself:
 * answered only for the models the catalog marks or when told, never with the password on the wire.
 */
class DigestAuthTest {

    static final Credentials ALICE = Credentials.of("alice", "s3cret-Pw");
    static final XsiPush PUSH = XsiPush.of(Execute.of("Key:Services"));
    static XsiTransport transport;

    @BeforeAll
    static void start() {
        transport = XsiTransport.start(TransportConfig.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        transport.close();
    }

    /** Neither the password nor Basic's encoding of it ever crossed the wire. */
    static void assertNoPasswordSent(DigestPhone phone) {
        String basic = Base64.getEncoder().encodeToString("alice:s3cret-Pw".getBytes(StandardCharsets.UTF_8));
        assertThat(phone.authorizations()).allSatisfy(a -> assertThat(a).doesNotContain("s3cret-Pw")
                .doesNotContain(basic).doesNotStartWith("Basic"));
    }

    @ParameterizedTest
    @EnumSource(value = DigestPhone.Scheme.class, names = {"DIGEST_MD5", "DIGEST_SHA256", "DIGEST_AND_BASIC"})
    void aDigestPhoneIsAnsweredWithDigestAndNeverSeesThePassword(DigestPhone.Scheme scheme) throws Exception {
        try (DigestPhone phone = DigestPhone.start(scheme, "alice", "s3cret-Pw")) {
            PushOutcome o = XsiClient.of(transport, phone.address(), ALICE, true).push(PUSH);
            assertThat(o.kind()).as(o.detail()).isEqualTo(OutcomeKind.EXECUTED);
            assertThat(phone.authorizations()).hasSize(2);
            assertThat(phone.authorizations().get(0)).isEqualTo("null");
            assertThat(phone.authorizations().get(1)).startsWith("Digest ").contains("username=\"alice\"")
                    .contains("qop=auth").contains("uri=\"/CGI/Execute\"");
            if (scheme == DigestPhone.Scheme.DIGEST_SHA256) {
                assertThat(phone.authorizations().get(1)).contains("algorithm=SHA-256");
            }
            assertNoPasswordSent(phone);
            // GETs (screenshot, CGI pages) are answered the same way
            QueryResult<Answer> page = XsiClient.of(transport, phone.address(), ALICE, true).rawPage("/CGI/LineInfo");
            assertThat(page.ok()).isTrue();
            assertNoPasswordSent(phone);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAfterOneAnswerNotRetriedForever() throws Exception {
        try (DigestPhone phone = DigestPhone.start(DigestPhone.Scheme.DIGEST_MD5, "alice", "other")) {
            PushOutcome o = XsiClient.of(transport, phone.address(), ALICE, true).push(PUSH);
            assertThat(o.kind()).isEqualTo(OutcomeKind.AUTH_FAILED);
            assertThat(phone.authorizations()).hasSize(2);
            assertNoPasswordSent(phone);
        }
    }

    @Test
    void withoutBeingToldTheClientSendsBasicAndSaysHowToAnswerDigest() throws Exception {
        try (DigestPhone phone = DigestPhone.start(DigestPhone.Scheme.DIGEST_MD5, "alice", "s3cret-Pw")) {
            PushOutcome o = XsiClient.of(transport, phone.address(), ALICE).push(PUSH);
            assertThat(o.kind()).isEqualTo(OutcomeKind.AUTH_FAILED);
            assertThat(o.detail()).contains("asks for Digest").contains("--digest");
            assertThat(phone.authorizations()).singleElement().asString().startsWith("Basic ");
        }
    }

    @Test
    void aPhoneThatOffersOnlyBasicGetsBasicAfterItsChallenge() throws Exception {
        try (DigestPhone phone = DigestPhone.start(DigestPhone.Scheme.BASIC_ONLY, "alice", "s3cret-Pw")) {
            PushOutcome o = XsiClient.of(transport, phone.address(), ALICE, true).push(PUSH);
            assertThat(o.kind()).isEqualTo(OutcomeKind.EXECUTED);
            assertThat(phone.authorizations()).hasSize(2).first().isEqualTo("null");
            assertThat(phone.authorizations().get(1)).startsWith("Basic ");
        }
    }

    @Test
    void theCatalogDecidesPerModelAndTheConfigForEveryPhone() throws Exception {
        try (DigestPhone old = DigestPhone.start(DigestPhone.Scheme.DIGEST_MD5, "alice", "s3cret-Pw");
             DigestPhone modern = DigestPhone.start(DigestPhone.Scheme.DIGEST_MD5, "alice", "s3cret-Pw")) {
            Inventory phones = new Inventory(List.of(new PhoneEntry("old", old.address(), "CP-7960", "", ""),
                    new PhoneEntry("modern", modern.address(), "CP-8845", "", "")));
            FleetReport r = FleetPush.builder(transport).credentials(p -> ALICE).build().run(phones, PUSH);
            Map<String, OutcomeKind> kinds = r.results().stream()
                    .collect(Collectors.toMap(p -> p.phone().name(), p -> p.outcome().kind()));
            assertThat(kinds).containsEntry("old", OutcomeKind.EXECUTED).containsEntry("modern", OutcomeKind.AUTH_FAILED);
            assertNoPasswordSent(old);
            try (XsiTransport told = XsiTransport.start(TransportConfig.DEFAULTS.withDigest(true))) {
                FleetReport all = FleetPush.builder(told).credentials(p -> ALICE).build().run(phones, PUSH);
                assertThat(all.results()).extracting(PhoneResult::outcome).extracting(PushOutcome::kind)
                        .containsOnly(OutcomeKind.EXECUTED);
            }
        }
        assertThat(XsiClient.digestModel("7940G")).isTrue();
        assertThat(XsiClient.digestModel("CP-8845")).isFalse();
        assertThat(XsiClient.digestModel("")).isFalse();
        assertThat(XsiClient.digestModel("no-such-model")).isFalse();
    }
}
