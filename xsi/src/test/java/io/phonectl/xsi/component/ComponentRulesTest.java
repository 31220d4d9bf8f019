package io.phonectl.xsi.component;

import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComponentRulesTest {

    @ParameterizedTest
    @CsvSource({"20480,true", "20478,false", "20481,false", "32768,true", "32770,false", "25000,true"})
    void portIsEvenWithin20480To32768(int port, boolean valid) {
        Runnable make = () -> new StartMedia(MediaStream.audio(Codec.G711, MediaMode.SEND, "127.0.0.1", port));
        if (valid) {
            assertThatCode(make::run).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(make::run).isInstanceOf(XsiValidationException.class).hasMessageContaining("mediaStream.port");
        }
    }

    @ParameterizedTest
    @CsvSource({"0,true", "100,true", "101,false", "-1,false"})
    void receiveVolumeIsZeroToHundred(int volume, boolean valid) {
        Runnable make = () -> new StartMedia(MediaStream.audio(Codec.G722, MediaMode.RECEIVE, "127.0.0.1", 20480)
                .withReceiveVolume(volume));
        if (valid) {
            assertThatCode(make::run).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(make::run).hasMessageContaining("receiveVolume");
        }
    }

    @Test
    void onStoppedMayNotBeAnHttpUrlAndAllProblemsAreListed() {
        var e = (XsiValidationException) org.assertj.core.api.Assertions.catchThrowable(() -> new StartMedia(
                new MediaStream(null, "http://srv/stop", null, "fax", null, null, "", 1)));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("mediaStream.type", "mediaStream.codec",
                "mediaStream.mode", "mediaStream.address", "mediaStream.port", "mediaStream.onStopped");
    }

    @Test
    void messagesRequireTheirIdentifiers() {
        assertThatThrownBy(() -> new MediaStreamReply(null)).isInstanceOf(XsiValidationException.class);
        assertThatThrownBy(() -> new StopMedia("")).isInstanceOf(XsiValidationException.class);
        assertThatThrownBy(() -> new NotifyApplicationEvent("A/B", null)).hasMessageContaining("focusLost");
        assertThat(ErrorResponse.unknownStream("x").data()).isEqualTo("Unknown Media Stream ID: x");
        assertThat(AppEventType.fromXml("focusGained").handler()).isEqualTo("onAppFocusGained");
    }
}
