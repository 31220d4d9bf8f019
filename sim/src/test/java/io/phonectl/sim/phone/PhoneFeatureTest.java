package io.phonectl.sim.phone;

import io.phonectl.sim.net.Reply;
import io.phonectl.xsi.component.ComponentMessage;
import io.phonectl.xsi.component.StopMedia;
import io.phonectl.xsi.object.ResponseItem;
import io.phonectl.xsi.object.ResponseStatus;
import io.phonectl.xsi.uri.InternalUri;
import io.phonectl.xsi.uri.RtpUri;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Features compose in a sequence: each answers only what is its own, the first answer wins, null passes on. */
class PhoneFeatureTest {

    private static final SimPhone NO_PHONE = null; // the sequence only passes the phone on

    /** Takes RTP URIs and every component message; nothing else. */
    private static final PhoneFeature RTP = new PhoneFeature() {
        @Override
        public ResponseItem uri(SimPhone phone, InternalUri uri, String url) {
            return uri instanceof RtpUri ? ResponseItem.of(url, ResponseStatus.SUCCESS) : null;
        }

        @Override
        public Reply component(SimPhone phone, ComponentMessage message) {
            return Reply.empty(200);
        }
    };

    /** Takes every URI and every POST; answers differently from RTP so the winner is visible. */
    private static final PhoneFeature EVERYTHING = new PhoneFeature() {
        @Override
        public ResponseItem uri(SimPhone phone, InternalUri uri, String url) {
            return ResponseItem.of(url, ResponseStatus.FAILURE);
        }

        @Override
        public Reply execute(SimPhone phone, String contentType, byte[] body) {
            return Reply.empty(202);
        }

        @Override
        public Reply component(SimPhone phone, ComponentMessage message) {
            return Reply.empty(500);
        }
    };

    @Test
    void theFirstFeatureThatAnswersWins() {
        PhoneFeature both = PhoneFeature.sequence(RTP, EVERYTHING);
        InternalUri rtp = InternalUri.parse("RTPRx:127.0.0.1:20480");
        InternalUri key = InternalUri.parse("Key:Services");

        assertThat(both.uri(NO_PHONE, rtp, "RTPRx:127.0.0.1:20480"))
                .isEqualTo(ResponseItem.of("RTPRx:127.0.0.1:20480", ResponseStatus.SUCCESS));
        assertThat(both.uri(NO_PHONE, key, "Key:Services")).isEqualTo(ResponseItem.of("Key:Services", ResponseStatus.FAILURE));
        assertThat(both.component(NO_PHONE, StopMedia.all()).status()).isEqualTo(200);
        assertThat(both.execute(NO_PHONE, "text/xml", new byte[0]).status()).isEqualTo(202);
    }

    @Test
    void whatNoFeatureTakesIsNull() {
        PhoneFeature rtpOnly = PhoneFeature.sequence(RTP, PhoneFeature.NONE);
        assertThat(rtpOnly.uri(NO_PHONE, InternalUri.parse("Key:Services"), "Key:Services")).isNull();
        assertThat(rtpOnly.execute(NO_PHONE, "text/xml", new byte[0])).isNull();
        assertThat(rtpOnly.invalidComponent(NO_PHONE, "unexpected end")).isNull();
        assertThat(PhoneFeature.sequence().component(NO_PHONE, StopMedia.all())).isNull();
    }
}
