package io.phonectl.xsi.uri;

import io.phonectl.xsi.XsiException;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.model.ExecuteRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalUriTest {

    @ParameterizedTest
    @ValueSource(strings = {"Key:Applications", "Key:AppMenu", "Key:Line1", "Key:Line120", "Key:Feature1",
            "Key:Feature120", "Key:FixedFeature1", "Key:FixedFeature3", "Key:KeyPad0", "Key:KeyPad9", "Key:KeyPadStar",
            "Key:KeyPadPound", "Key:Session1", "Key:Session6", "Key:Soft1", "Key:Soft5", "Key:NavDwn", "Key:VolDwn",
            "Key:KEMPage", "Key:PTT", "Key:Key_0", "Key:Key_9", "Key:Key_Asterisk", "Key:Key_Period",
            "Key:Key_NumberSign", "SoftKey:Exit", "SoftKey:<<", "SoftKey:EditDial", "Display:On:0", "Display:On:1440",
            "Display:Off:60", "Display:Default", "Init:CallHistory", "Init:AppStatus", "Device:Unlock",
            "Device:GeneratePRT", "Device:PRTStatus", "Dial:1000", "Dial:", "Dial:9,,555#*ABCD", "Dial:1000:1:Cisco/App",
            "Dial:1000::Cisco/App:0", "Dial:1000:0:", "EditDial:1000", "SendDigits:123#", "SendDigits:123:1",
            "SendDigits:123:0::Cisco/App", "SendDigits:1:::Cisco/App", "Play:Classic2.raw", "Play:Stop",
            "RTPRx:127.0.0.1:20480", "RTPRx:127.0.0.1:32768:100:2", "RTPRx:127.0.0.1", "RTPRx:127.0.0.1::50",
            "RTPRx:127.0.0.1:20482::1", "RTPTx:192.168.1.20:24000", "RTPMRx:239.1.2.3:20480:0:0", "RTPMTx:224.0.0.1:32768",
            "RTPRx:Stop", "RTPTx:Stop", "RTPMRx:Stop", "RTPMTx:Stop", "App:RequestFocus:0:60:Cisco/App",
            "App:Close", "App:Minimize:1", "App:ReleaseFocus::10:Acme/Tool", "App:Close:2:86400:x",
            "Notify:http:server:80:path/page", "Notify:http:127.0.0.9:65535:p:dXNlcjpwYXNz",
            "Notify:http:h:1:p:dXNlcjpwYXNz:some data", "Notify:http:h:8080:p::hello:world",
            "QueryStringParam:a=1&b=2", "SettingsMenu:About this device", "SettingsMenu:TFTPserver1", "Button:Back",
            "Button:Backspace", "Button:Apply", "Resource:Icon.Connected", "Resource:AnimatedIcon.Throbber",
            "Vibrate", "Vibrate:1000:0:1", "Vibrate:65536:65536:5"})
    void canonicalFormsRoundTrip(String text) {
        InternalUri uri = InternalUri.parse(text);
        assertThat(uri.format()).isEqualTo(text);
        assertThat(InternalUri.parse(uri.format())).isEqualTo(uri);
        assertThat(text).startsWith(uri.family());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Key:NavDown|Key:NavDwn", "Key:VolDown|Key:VolDwn", "Key:KemPage|Key:KEMPage",
            "Dial:1000:::|Dial:1000", "SendDigits:12:|SendDigits:12", "App:Close:::|App:Close",
            "RTPRx:127.0.0.1:::|RTPRx:127.0.0.1", "Notify:http:h:80:p::|Notify:http:h:80:p"})
    void variantsFormatCanonically(String variant, String canonical) {
        InternalUri uri = InternalUri.parse(variant);
        assertThat(uri.format()).isEqualTo(canonical);
        assertThat(InternalUri.parse(canonical)).isEqualTo(uri);
    }

    /** Both sides of every parameter limit: true = accepted. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RTPRx:127.0.0.1:20480|true", "RTPRx:127.0.0.1:20479|false", "RTPRx:127.0.0.1:20481|false",
            "RTPRx:127.0.0.1:20478|false", "RTPRx:127.0.0.1:32768|true", "RTPRx:127.0.0.1:32770|false",
            "RTPTx:127.0.0.1:20480|true", "RTPTx:127.0.0.1|false", "RTPMTx:239.0.0.1|false", "RTPMRx:239.0.0.1|false",
            "RTPRx:127.0.0.1:20480:100|true", "RTPRx:127.0.0.1:20480:101|false", "RTPRx:127.0.0.1:20480:0:2|true",
            "RTPRx:127.0.0.1:20480:0:3|false", "RTPTx:127.0.0.1:20480:50|false", "RTPMRx:127.0.0.1:20480|false",
            "RTPRx:239.1.1.1:20480|false", "RTPRx:256.0.0.1:20480|false", "RTPRx:host.example:20480|false",
            "RTPMRx:224.0.0.0:20480|true", "RTPMRx:239.255.255.255:20480|true", "RTPMRx:240.0.0.1:20480|false",
            "RTPRx:127.0.0.1:20480:0:0:0|false", "RTPRx:127.0.0.1:x|false",
            "Display:On:1440|true", "Display:On:1441|false", "Display:Off:0|true", "Display:Off:-1|false",
            "Display:On|false", "Display:Default:5|false", "Display:Dim:5|false",
            "App:Close:0:10:a|true", "App:Close:0:9:a|false", "App:Close:0:86400:a|true", "App:Close:0:86401:a|false",
            "App:Close:2:60:a|true", "App:Close:3:60:a|false", "App:Open:0:60:a|false", "App:Close:0:60:a:b|false",
            "Key:Line120|true", "Key:Line121|false", "Key:Line0|false", "Key:Line01|false", "Key:Feature121|false",
            "Key:FixedFeature3|true", "Key:FixedFeature4|false", "Key:FixedFeature0|false", "Key:KeyPad10|false",
            "Key:Session6|true", "Key:Session7|false", "Key:Soft5|true", "Key:Soft6|false", "Key:Soft0|false",
            "Key:Key_9|true", "Key:Key_10|false", "Key:navup|false", "Key:Hold:1|false", "Key:|false", "Key|false",
            "SoftKey:Dial|true", "SoftKey:Call|false", "Init:Everything|false", "Device:Reboot|false",
            "Dial:12E|false", "Dial:1 2|false", "EditDial:|false", "SendDigits:|false", "SendDigits:1:2|false",
            "SendDigits:1:1:x:app|false", "Dial:1:2|false", "Dial:1:1:a;b|false", "Dial:1:1:a:b|false",
            "Notify:https:h:80:p|false", "Notify:http:h:0:p|false", "Notify:http:h:65535:p|true",
            "Notify:http:h:65536:p|false", "Notify:http:h:80:a;b|false", "Notify:http:h:80:p::a;b|false",
            "Notify:http:h:80:p:***:d|false", "Notify:http:h:80:p:dXNlcg==|false", "Notify:http:h:80|false",
            "Notify:http:h_x:80:p|false", "Notify:http:h:80:|false",
            "Play:|false", "Play:a\tb|false", "QueryStringParam:|false", "SettingsMenu:|false",
            "Button:Ok|false", "Resource:Icon.Nope|false", "Vibrate:1:2|false", "Vibrate:65537:0:1|false",
            "Vibrate:0:0:0|false", "Vibrate:0:0:1|true", "Foo:bar|false", "key:Hold|false"})
    void parameterLimits(String text, boolean accepted) {
        if (accepted) {
            assertThat(InternalUri.parse(text).format()).isNotEmpty();
        } else {
            assertThatThrownBy(() -> InternalUri.parse(text)).isInstanceOf(XsiValidationException.class)
                    .satisfies(e -> assertThat(((XsiValidationException) e).violations())
                            .allSatisfy(v -> assertThat(v.source()).isNotBlank()));
        }
    }

    @org.junit.jupiter.api.Test
    void everyListedKeyRoundTrips() {
        assertThat(KeyUri.allKeys()).hasSize(34 + 120 + 120 + 3 + 10 + 6 + 5 + 10).doesNotHaveDuplicates()
                .allSatisfy(k -> assertThat(InternalUri.parse("Key:" + k)).isEqualTo(new KeyUri(k)));
    }

    /** Length limits: (template with %s, filler length, accepted). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"App:Close:0:60:%s|64|true", "App:Close:0:60:%s|65|false",
            "Dial:1:0:%s|64|true", "Dial:1:0:%s|65|false", "SendDigits:1:0::%s|64|true", "SendDigits:1:0::%s|65|false",
            "Play:%s|255|true", "Play:%s|256|false", "Notify:http:%s:80:p|253|true", "Notify:http:%s:80:p|254|false"})
    void lengthLimits(String template, int length, boolean accepted) {
        String text = template.formatted("a".repeat(length));
        if (accepted) {
            assertThat(InternalUri.parse(text).format()).isEqualTo(text);
        } else {
            assertThatThrownBy(() -> InternalUri.parse(text)).isInstanceOf(XsiValidationException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://server/page.xml", "HTTPS://server/x", " http://x", "http:/x"})
    void httpUrlsAreNamedAsSuch(String url) {
        assertThat(InternalUri.isHttp(url)).isTrue();
        assertThatThrownBy(() -> InternalUri.parse(url)).isInstanceOf(XsiValidationException.class)
                .hasMessageContaining("HTTP(S) URL, not an internal URI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Key:Hold", "Notify:http:h:80:p", "httpx", ""})
    void nonUrlsAreNotHttp(String text) {
        assertThat(InternalUri.isHttp(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Notify:http:h:80:p:dXNlcjpzZWNyZXQ=:d", "Notify:http:h:80:p:c2VjcmV0", "Notify:http:h:80:p:!!secret!!"})
    void credentialsNeverAppearInMessagesOrToString(String text) {
        try {
            InternalUri uri = InternalUri.parse(text);
            assertThat(uri.toString()).doesNotContain("dXNlcjpzZWNyZXQ=").contains("(hidden)");
            assertThat(ExecuteRules.violations(uri, null)).allSatisfy(v -> assertThat(v.message()).doesNotContain("dXNlcjpzZWNyZXQ="));
        } catch (XsiValidationException e) {
            assertThat(e.getMessage()).doesNotContain("c2VjcmV0").doesNotContain("secret");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void seededRandomInputOnlyThrowsXsiExceptions(long seed) {
        java.util.Random random = new java.util.Random(seed);
        String[] prefixes = {"Key:", "SoftKey:", "Display:", "Init:", "Device:", "Dial:", "EditDial:", "SendDigits:",
                "Play:", "RTPRx:", "RTPTx:", "RTPMRx:", "RTPMTx:", "App:", "Notify:http:", "QueryStringParam:",
                "SettingsMenu:", "Button:", "Resource:", "Vibrate:", "", "http"};
        String alphabet = "0123456789:.;,#*ABCDabcxyz/-_ \t\u00e9\u0000StopOnOffLine";
        for (int i = 0; i < 400; i++) {
            StringBuilder b = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            int len = random.nextInt(40);
            for (int j = 0; j < len; j++) {
                b.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            try {
                InternalUri uri = InternalUri.parse(text);
                assertThat(InternalUri.parse(uri.format())).isEqualTo(uri);
            } catch (XsiException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28})
    void mutatedValidUrisOnlyThrowXsiExceptions(long seed) {
        java.util.Random random = new java.util.Random(seed);
        String[] valid = {"RTPRx:127.0.0.1:32768:100:2", "App:RequestFocus:0:60:Cisco/App", "Notify:http:h:80:p:dXNlcjpwYXNz:d",
                "SendDigits:123:0::Cisco/App", "Dial:1000:1:Cisco/App:0", "Display:Off:60", "Vibrate:500:1500:5", "Key:Line12"};
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder(valid[random.nextInt(valid.length)]);
            for (int m = 0; m < 1 + random.nextInt(3); m++) {
                int at = random.nextInt(b.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> b.insert(at, (char) (32 + random.nextInt(95)));
                    case 1 -> { if (at < b.length()) b.deleteCharAt(at); }
                    default -> { if (at < b.length()) b.setCharAt(at, (char) (32 + random.nextInt(95))); }
                }
            }
            try {
                InternalUri uri = InternalUri.parse(b.toString());
                assertThat(InternalUri.parse(uri.format())).isEqualTo(uri);
            } catch (XsiException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
