package io.phonectl.xapi.path;

import io.phonectl.xapi.XapiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XPathTest {

    @Test
    void wordsSlashesAndIndices() {
        XPath fan = XPath.parseWords("SystemUnit Hardware Monitoring Fan 2 Status");
        assertThat(fan.segments()).containsExactly("SystemUnit", "Hardware", "Monitoring", "Fan", 2, "Status");
        assertThat(XPath.parseSlashes("/Status/Call[2]/Status")).isEqualTo(XPath.of("Status", "Call", 2, "Status"));
        assertThat(XPath.of("Status", "Call", 2, "Status").slashes()).isEqualTo("Status/Call[2]/Status");
        assertThat(XPath.parseWords("// DisplayName").segments()).containsExactly("**", "DisplayName");
        assertThat(XPath.parseWords("status AUDIO volume").equalsIgnoreCase(XPath.of("Status", "Audio", "Volume"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Status Au\"dio", "Status a:b", "x y{z"})
    void badSegmentsAreTypedErrors(String words) {
        assertThatThrownBy(() -> XPath.parseWords(words)).isInstanceOf(XapiException.class);
    }

    @Test
    void negativeIndexIsRejected() {
        assertThatThrownBy(() -> XPath.of("Status", -1)).isInstanceOf(XapiException.class)
                .hasMessageContaining("Path").hasMessageContaining("source");
    }

    @Test
    void depthLimitBothSides() {
        assertThat(XPath.parseWords("A ".repeat(XPath.MAX_SEGMENTS)).size()).isEqualTo(100);
        assertThatThrownBy(() -> XPath.parseWords("A ".repeat(XPath.MAX_SEGMENTS + 1)))
                .isInstanceOf(XapiException.class).hasMessageContaining("at most 100");
    }
}
