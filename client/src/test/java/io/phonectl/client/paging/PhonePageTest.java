package io.phonectl.client.paging;

import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.Phase;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.component.ErrorType;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.object.ResponseItem;
import io.phonectl.xsi.object.ResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PhonePageTest {

    private static final ModelCatalog CATALOG = ModelCatalog.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"CP-8845, MEDIA", "CP-8875, MEDIA", "CP-8832, MEDIA", "CP-7962, MEDIA", "CP-7841, LEGACY",
            "CP-8821, LEGACY", "CP-7960, LEGACY", "CP-8851-3PCC, LEGACY", "'', LEGACY", "no-such-model, LEGACY"})
    void theCatalogChoosesTheApiPerModel(String model, PagingApi expected) {
        assertThat(PhonePage.choose(CATALOG.find(model), null)).isEqualTo(expected);
        assertThat(PhonePage.choose(CATALOG.find(model), PagingApi.LEGACY)).isEqualTo(PagingApi.LEGACY);
        assertThat(PhonePage.choose(CATALOG.find(model), PagingApi.MEDIA)).isEqualTo(PagingApi.MEDIA);
    }

    @Test
    void receiveDocumentsCarryAddressPortAndVolume() throws Exception {
        PagingConfig unicast = PagingConfig.builder().volume(70).build();
        assertThat(PhonePage.receive(PagingApi.LEGACY, unicast, "127.1.2.3", 20482).xmlText())
                .contains("URL=\"RTPRx:127.1.2.3:20482:70\"");
        assertThat(PhonePage.receive(PagingApi.MEDIA, unicast, "127.1.2.3", 20482).xmlText())
                .contains("receiveVolume=\"70\"").contains("<mode>receive</mode>").contains("<codec>G.711</codec>")
                .contains("<address>127.1.2.3</address>").contains("<port>20482</port>");
        PagingConfig multicast = PagingConfig.builder()
                .multicast(new InetSocketAddress(InetAddress.getByName("239.9.9.9"), 30000)).build();
        assertThat(PhonePage.receive(PagingApi.LEGACY, multicast, "239.9.9.9", 30000).xmlText())
                .contains("URL=\"RTPMRx:239.9.9.9:30000\"");
    }

    @Test
    void stopUsesTheStreamIdWhenThereIsOneElseRtpRxStop() {
        PhonePage media = page(PagingApi.MEDIA);
        assertThat(media.stopPush().xmlText()).contains("RTPRx:Stop");
        media.started(new PushOutcome.MediaStarted("abc123"));
        assertThat(media.stopPush().xmlText()).contains("<stopMedia>").contains("id=\"abc123\"");
        assertThat(page(PagingApi.LEGACY).stopPush().xmlText()).contains("URL=\"RTPRx:Stop\"");
    }

    @Test
    void answersAreClassified() {
        record Row(PushOutcome outcome, boolean accepted, PagingStatus status, boolean needsStop) {
        }
        List<Row> rows = List.of(
                new Row(new PushOutcome.MediaStarted("s1"), true, null, true),
                new Row(new PushOutcome.Executed(200, List.of(ResponseItem.of("RTPRx:1.2.3.4:20480", ResponseStatus.SUCCESS))),
                        true, null, true),
                new Row(new PushOutcome.AcceptedNoResponse(200), true, null, true),
                new Row(new PushOutcome.Executed(200, List.of(ResponseItem.of("u", ResponseStatus.RTP_ALREADY_ACTIVE))),
                        false, PagingStatus.REFUSED_BUSY, false),
                new Row(new PushOutcome.Executed(200, List.of(ResponseItem.of("u", ResponseStatus.URI_NOT_FOUND))),
                        false, PagingStatus.REFUSED_UNSUPPORTED, false),
                new Row(new PushOutcome.Executed(200, List.of(ResponseItem.of("u", ResponseStatus.INVALID_URI))),
                        false, PagingStatus.REFUSED, false),
                new Row(new PushOutcome.MediaError(400, ErrorType.UNAVAILABLE_RESOURCE, "No Media Resource Available"),
                        false, PagingStatus.REFUSED_BUSY, false),
                new Row(new PushOutcome.MediaError(400, ErrorType.INVALID_XML, "x"), false, PagingStatus.REFUSED, false),
                new Row(new PushOutcome.NotSent(OutcomeKind.UNSUPPORTED, "no"), false, PagingStatus.REFUSED_UNSUPPORTED, false),
                new Row(new PushOutcome.NotSent(OutcomeKind.INVALID, "no"), false, PagingStatus.REFUSED, false),
                new Row(new PushOutcome.PhoneError(401, 4, ""), false, PagingStatus.REFUSED, false),
                new Row(new PushOutcome.Refused("reset"), false, PagingStatus.UNREACHABLE, false),
                new Row(new PushOutcome.Unreachable("no route"), false, PagingStatus.UNREACHABLE, false),
                new Row(new PushOutcome.TimedOut(Phase.CONNECT, 3000), false, PagingStatus.UNREACHABLE, false),
                new Row(new PushOutcome.TimedOut(Phase.RESPONSE, 3000), false, PagingStatus.UNREACHABLE, true));
        for (Row row : rows) {
            PhonePage p = page(PagingApi.LEGACY);
            p.started(row.outcome());
            assertThat(Stream.of(p.accepted, p.status, p.needsStop)).as(row.outcome().toString())
                    .containsExactly(row.accepted(), row.status(), row.needsStop());
            assertThat(p.detail).isEqualTo(row.outcome().detail());
        }
    }

    @Test
    void aStopIsConfirmedBySuccessOrByAnUnknownStreamId() {
        PhonePage p = page(PagingApi.MEDIA);
        p.stoppedWith(new PushOutcome.AcceptedNoResponse(200));
        assertThat(p.stopped).isTrue();
        p.stoppedWith(new PushOutcome.MediaError(400, ErrorType.INVALID_RESOURCE_ID, "Unknown Media Stream ID: s1"));
        assertThat(p.stopped).isTrue();
        p.stoppedWith(new PushOutcome.Refused("reset"));
        assertThat(p.stopped).isFalse();
        assertThat(p.stopDetail).contains("refused");
    }

    private static PhonePage page(PagingApi api) {
        return new PhonePage(new PhoneEntry("p1", new PhoneAddress("127.0.0.1", 8080), "CP-8845", "", ""), api, 20480);
    }
}
