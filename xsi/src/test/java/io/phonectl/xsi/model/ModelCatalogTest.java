package io.phonectl.xsi.model;

import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.UnsupportedByModelException;
import io.phonectl.xsi.uri.InternalUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCatalogTest {

    private static final ModelCatalog CATALOG = ModelCatalog.standard();

    @ParameterizedTest
    @ValueSource(strings = {"CP-7841", "CP-8851-3PCC", "CP-7942", "CP-7962", "CP-7975", "CP-8811", "CP-8821", "CP-8832",
            "CP-8845", "CP-8851", "CP-8865", "CP-8875", "DP-9841", "DP-9851", "DP-9861", "DP-9871", "IP-Communicator"})
    void requiredProfilesArePresent(String name) {
        assertThat(CATALOG.model(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"8845|CP-8845", "cp-8845|CP-8845", "CP-7942G|CP-7942", "7941G-GE|CP-7941",
            "Cisco IP Communicator|IP-Communicator", "9841|DP-9841", "8800-MPP|CP-8851-3PCC", " 7925g-ex |CP-7925"})
    void lookupIsLenient(String query, String expected) {
        assertThat(CATALOG.model(query).name()).isEqualTo(expected);
    }

    @Test
    void unknownModelIsATypedError() {
        assertThat(CATALOG.find("CP-1234")).isEmpty();
        assertThatThrownBy(() -> CATALOG.model("CP-1234")).isInstanceOf(UnsupportedByModelException.class)
                .hasMessageContaining("CP-1234");
    }

    /** URI support facts from seed 001 and reference notes §2.10. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CP-7841|Display:On:5|false", "CP-7841|Notify:http:h:80:p|false", "CP-7841|SendDigits:1|false",
            "CP-7841|App:Close:0:60:a|false", "CP-7841|Device:Unlock|false", "CP-7841|Key:Hold|true",
            "CP-8821|SendDigits:1|false", "CP-8821|Notify:http:h:80:p|false", "CP-8821|App:Close:0:60:a|false",
            "CP-8821|Display:Off:0|true", "CP-8845|Key:Hold|false", "CP-8845|Key:FixedFeature3|true",
            "CP-8875|Key:NavUp|false", "CP-8875|Key:NavDwn|false", "CP-8875|Key:Key_1|true",
            "CP-8875|Key:Key_Period|true", "CP-8875|SettingsMenu:Bluetooth|true", "CP-8875|Button:Apply|true",
            "CP-8845|SettingsMenu:Bluetooth|false", "CP-8845|Key:Key_1|false", "CP-8845|Button:Back|false",
            "CP-8821|Key:PTT|true", "CP-8821|Key:Offhook|true", "CP-8845|Key:PTT|false", "CP-8845|Key:Onhook|false",
            "CP-8845|Key:NavOffhook|true", "CP-8821|Device:GeneratePRT|true", "CP-8821|Device:PRTStatus|true",
            "CP-8845|Device:GeneratePRT|false", "CP-8845|Device:Unlock|true", "CP-8821|Vibrate|true",
            "CP-7921|Vibrate:1000:0:1|true", "CP-8845|Vibrate|false", "CP-8851-3PCC|Display:Default|false",
            "CP-8851-3PCC|RTPRx:127.0.0.1:20480|false", "CP-8851-3PCC|RTPMTx:239.1.1.1:20480|false",
            "CP-8851-3PCC|QueryStringParam:a=1|false", "CP-8851-3PCC|Key:Line1|true", "DP-9841|App:RequestFocus:1:60:a|false",
            "DP-9841|App:ReleaseFocus:1:60:a|false", "DP-9841|App:Minimize:1:60:a|true", "CP-8875|App:RequestFocus:1:60:a|false",
            "CP-8845|App:RequestFocus:1:60:a|true", "CP-8845|Key:Soft5|true", "CP-7942|Key:Soft5|false",
            "CP-7942|Key:Soft4|true", "CP-8821|Key:Soft2|true", "CP-8821|Key:Soft3|false", "CP-7942|App:Close:0:60:a|true",
            "CP-7940|App:Close:0:60:a|false", "CP-8941|App:Close:0:60:a|true", "CP-6921|Display:On:1|false",
            "CP-6921|Dial:1000|true", "CP-9821|Device:GeneratePRT|true", "CP-9821|App:RequestFocus:1:60:a|false",
            "CP-9821|Key:PTT|false", "CP-7942|RTPRx:127.0.0.1:20480|true"})
    void uriSupport(String model, String uri, boolean supported) {
        Support s = CATALOG.support(model, InternalUri.parse(uri));
        assertThat(s.supported()).as(model + " " + uri + " -> " + s).isEqualTo(supported);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CP-8845|CiscoIPPhoneIconFileMenu|true", "CP-8851-3PCC|CiscoIPPhoneResponse|false",
            "CP-8851-3PCC|CiscoIPPhoneError|false", "CP-8845|CiscoIPPhoneResponse|true", "CP-8845|startMedia|true",
            "CP-8821|startMedia|false", "CP-7841|stopMedia|false", "CP-8851-3PCC|startMedia|false",
            "CP-8845|setBackground|true", "CP-7942|setBackground|false", "CP-8845|setRingTone|true",
            "CP-8821|setRingTone|false", "CP-8845|CiscoIPPhoneFoo|false", "CP-8845|ciscoipphonemenu|false"})
    void objectSupport(String model, String root, boolean supported) {
        assertThat(CATALOG.supportObject(model, root).supported()).isEqualTo(supported);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"CP-8845|true", "CP-7841|true", "CP-7832|true", "CP-8832|true",
            "CP-7942|false", "CP-9971|false", "DP-9861|false", "CP-8821|false"})
    void inputPostOnlyOn7800And8800And7832And8832(String model, boolean supported) {
        assertThat(CATALOG.model(model).supportInputPost().supported()).isEqualTo(supported);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CP-8845|RTP_STREAMING|true", "CP-8832|RTP_STREAMING|true", "CP-8875|RTP_STREAMING|true",
            "DP-9861|RTP_STREAMING|true", "CP-7942|RTP_STREAMING|true", "IP-Communicator|RTP_STREAMING|true",
            "CP-8821|RTP_STREAMING|false", "CP-7841|RTP_STREAMING|false", "CP-8831|RTP_STREAMING|false",
            "CP-8851-3PCC|RTP_STREAMING|false", "CP-8851-3PCC|APP_MANAGEMENT|false", "CP-8941|APP_MANAGEMENT|true",
            "CP-8941|APP_EVENT_HANDLERS|false", "CP-8945|APP_EVENT_HANDLERS|false", "CP-8961|APP_EVENT_HANDLERS|true",
            "CP-7940|APP_EVENT_HANDLERS|false", "CP-8851-3PCC|EXECUTE_RESPONSE|false", "CP-8845|EXECUTE_RESPONSE|true",
            "CP-8845|SET_BACKGROUND|true", "CP-8821|SET_BACKGROUND|true", "DP-9841|SET_BACKGROUND|false",
            "CP-8845|SCREENSHOT|true", "CP-7942|GET_DEVICE_CAPS|true"})
    void componentApiSupport(String model, ComponentApi api, boolean supported) {
        assertThat(CATALOG.support(model, api).supported()).isEqualTo(supported);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CP-7970|298, 168, 12, C|16|4|LEGACY_200_ERROR4|BMP|POST_40KB|11.0.0|false",
            "CP-8845|559, 265, 24, C|16|5|HTTP_401_ERROR4|PNG|POST_40KB|11.0.0|false",
            "CP-8811|559, 265, 4, G|16|5|HTTP_401_ERROR4|PNG|POST_40KB|11.0.0|false",
            "CP-8821|240, 215, 16, C|8|2|HTTP_401_ERROR4|PNG|POST_40KB|11.0.0|true",
            "CP-8832|480, 128, 4, G|16|4|HTTP_401_ERROR4|PNG|POST_40KB|11.0.0|false",
            "CP-8875|696, 312, 24, C|16|4|HTTP_401_ERROR4|PNG|POST_40KB|11.0.0|false",
            "DP-9871|960, 360, 24, C|16|4|HTTP_401_ERROR4|PNG|POST_40KB|11.0.0|false",
            "CP-7940|133, 65, 2, G|16|4|LEGACY_200_ERROR4|BMP|LEGACY_512B|11.0.0|false",
            "CP-8851-3PCC|559, 265, 24, C|16|4|NO_RESPONSE|PNG|POST_40KB|11.0.0|false"})
    void simulatorFacingFacts(String name, String displayHeader, int positions, int softButtons,
                              ExecuteFailureStyle failure, String screenshot, SizeProfile size, String unused,
                              boolean softKeyInExecute) {
        PhoneModel m = CATALOG.model(name);
        assertThat(m.display().header()).isEqualTo(displayHeader);
        assertThat(m.softKeyPositions()).isEqualTo(positions);
        assertThat(m.softKeyButtons()).isEqualTo(softButtons);
        assertThat(m.executeFailure()).isEqualTo(failure);
        assertThat(m.screenshotFormat()).isEqualTo(screenshot);
        assertThat(m.sizeProfile()).isEqualTo(size);
        assertThat(m.softKeyInExecute()).isEqualTo(softKeyInExecute);
        assertThat(m.mediaResources()).isPositive();
        assertThat(m.ports()).isPositive();
        assertThat(m.streams()).isPositive();
        assertThat(m.sdkVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(m.screenshotPath()).startsWith("/CGI/");
    }

    @Test
    void familyFactsAndKeyEquivalents() {
        assertThat(CATALOG.model("CP-8845").keyEquivalent("Hold")).isEmpty();
        assertThat(CATALOG.model("DP-9841").keyEquivalent("Transfer")).contains("FixedFeature1");
        assertThat(CATALOG.model("DP-9841").keyEquivalent("Hold")).contains("FixedFeature3");
        assertThat(CATALOG.model("DP-9841").screenshotHttps()).isTrue();
        assertThat(CATALOG.model("CP-6941").screenshotPath()).isEqualTo("/CGI/lcd.bmp");
        assertThat(CATALOG.model("IP-Communicator").family()).isEqualTo(Family.IP_COMMUNICATOR);
        assertThat(CATALOG.model("CP-8851-3PCC").mpp()).isTrue();
        assertThat(CATALOG.model("CP-8851-3PCC").series()).isEqualTo("88xx");
        assertThat(CATALOG.model("CP-8875NR").componentApiFirmware()).isEqualTo("PhoneOS 2.1");
    }

    @Test
    void onlyTheOldRomPagerModelsChallengeWithDigest() {
        assertThat(CATALOG.models().stream().filter(PhoneModel::digestAuth).map(PhoneModel::name))
                .containsExactlyInAnyOrder("CP-7940", "CP-7960");
        assertThat(CATALOG.model("7960G").httpAuth()).isEqualTo(HttpAuth.DIGEST);
        assertThat(CATALOG.model("CP-8845").httpAuth()).isEqualTo(HttpAuth.BASIC);
    }

    @Test
    void wallpaperSizesComeWithTheModelsThatTakeSetBackground() {
        assertThat(CATALOG.model("CP-8845").wallpaperSize()).contains(new Wallpaper(800, 480, 139, 109));
        assertThat(CATALOG.model("CP-8821").wallpaperSize()).contains(new Wallpaper(240, 320, 117, 117));
        assertThat(CATALOG.model("CP-7962").wallpaperSize()).isEmpty();
        for (PhoneModel m : CATALOG.models()) {
            if (m.wallpaperSize().isPresent()) {
                assertThat(m.support(ComponentApi.SET_BACKGROUND).supported()).as(m.name()).isTrue();
            }
        }
    }

    @Test
    void theModelsThatNeedHttpsServeHttpsOnly() {
        assertThat(CATALOG.models().stream().filter(PhoneModel::httpsOnly).map(PhoneModel::series).distinct())
                .containsExactly("98xx");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"CP-7841|Key:VolDown|Key:VolDown", "DP-9861|Key:VolDwn|Key:VolDown",
            "CP-8845|Key:VolDown|Key:VolDwn", "CP-8845|Key:NavDown|Key:NavDwn", "CP-7841|Key:VolUp|Key:VolUp",
            "CP-7841|Dial:123|Dial:123"})
    void wireFormatUsesTheModelsSpelling(String model, String uri, String wire) {
        assertThat(CATALOG.model(model).wireFormat(InternalUri.parse(uri))).isEqualTo(wire);
    }

    @Test
    void everyUnsupportedAnswerHasAReasonAndASourceAndRequireSupportedThrows() {
        List<String> uris = List.of("Key:Hold", "Key:NavUp", "Key:Soft5", "Key:Key_1", "Key:PTT", "Display:On:1",
                "Notify:http:h:80:p", "SendDigits:1", "App:RequestFocus:0:60:a", "App:Close", "Device:Unlock",
                "Device:GeneratePRT", "RTPRx:127.0.0.1:20480", "RTPMTx:239.1.1.1:20480", "QueryStringParam:a",
                "SettingsMenu:x", "Button:Back", "Vibrate", "Dial:1", "Resource:Icon.Connected");
        int unsupported = 0;
        for (PhoneModel m : CATALOG.models()) {
            for (String u : uris) {
                InternalUri uri = InternalUri.parse(u);
                if (m.support(uri) instanceof Support.Unsupported(String reason, String source)) {
                    unsupported++;
                    assertThat(reason).isNotBlank();
                    assertThat(source).isNotBlank();
                    assertThatThrownBy(() -> m.requireSupported(uri)).isInstanceOf(UnsupportedByModelException.class)
                            .hasMessageContaining(m.name()).hasMessageContaining(source);
                } else {
                    m.requireSupported(uri);
                }
            }
            for (ComponentApi api : ComponentApi.values()) {
                if (m.support(api) instanceof Support.Unsupported(String reason, String source)) {
                    assertThat(reason).isNotBlank();
                    assertThat(source).isNotBlank();
                    assertThatThrownBy(() -> m.requireSupported(api)).isInstanceOf(UnsupportedByModelException.class);
                }
            }
        }
        assertThat(unsupported).isGreaterThan(100);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "model X family=nope display=1x1x1G|needs family",
            "frobnicate|unknown statement",
            "family 88xx series=x\\nmodel X family=88xx display=1x1x1G|missing property",
            "family f1 series=x|unknown family id",
            "deny all uri:Key NO_SUCH_SOURCE reason|unknown source",
            "deny all uri:Key|needs <scopes>",
            "model X colour=red|unknown or malformed property"})
    void malformedCatalogTextNamesTheLine(String text, String message) {
        assertThatThrownBy(() -> ModelCatalog.parse(text.replace("\\n", "\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("models.txt line")
                .hasMessageContaining(message);
    }
}
