package io.phonectl.xapi.xml;

import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.XapiParseException;
import io.phonectl.xsi.xml.SafeXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The getxml/putxml shape, and that unreadable XML fails only with xapi's own {@link XapiParseException}. */
class XapiXmlTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void instancesGhostsStatusAndRepeatedParametersSurviveARoundTrip() {
        JsonNode tree = JSON.readTree("""
                {"Call":[{"id":1,"Status":"Connected","DisplayName":"Lobby"},{"id":3,"ghost":"True"}],
                 "Audio":{"Volume":50},"ConnectorId":[2,3]}""");
        String xml = XapiXml.render("Status", Map.of("product", "Cisco Codec"), tree);

        assertThat(xml).startsWith("<?xml version=\"1.0\"?>\n<Status product=\"Cisco Codec\">")
                .contains("<Call item=\"1\">").contains("<Call item=\"3\" ghost=\"True\"/>")
                .contains("<ConnectorId>2</ConnectorId><ConnectorId>3</ConnectorId>");
        assertThat(XapiXml.parse(xml).get("Status")).isEqualTo(tree);
    }

    @Test
    void textIsEscapedOnTheWayOut() {
        String xml = XapiXml.render("Command", Map.of(), JSON.readTree("{\"Name\":\"a<b & \\\"c\\\"\"}"));
        assertThat(xml).contains("<Name>a&lt;b &amp; &quot;c&quot;</Name>");
        assertThat(XapiXml.parse(xml).path("Command").path("Name").asString()).isEqualTo("a<b & \"c\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<Status><Audio></Status>",
            "",
            "just text",
            "<?xml version=\"1.0\"?><!DOCTYPE Status [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Status>&x;</Status>",
            "<Status><a b=\"1></a></Status>"})
    void malformedOrHostileInputIsAnXapiParseError(String xml) {
        assertThatThrownBy(() -> XapiXml.parse(xml))
                .isInstanceOfSatisfying(XapiParseException.class, e -> {
                    assertThat(e.format()).isEqualTo(XapiXml.FORMAT);
                    assertThat(e.rpcCode()).isEqualTo(ErrorCode.PARSE_ERROR.code());
                    assertThat(e.getMessage()).startsWith("xAPI XML: ").doesNotContain("root:");
                });
    }

    @Test
    void aParseErrorNamesItsPosition() {
        assertThatThrownBy(() -> XapiXml.parse("<Status>\n<Audio></Status>"))
                .isInstanceOf(XapiParseException.class).hasMessageContaining("line 2, column");
    }

    @Test
    void nestingUpToTheDepthCapIsReadOneMoreIsRefused() {
        int cap = SafeXml.MAX_DEPTH;
        assertThat(XapiXml.parse("<a>".repeat(cap) + "x" + "</a>".repeat(cap))).isNotNull();
        assertThatThrownBy(() -> XapiXml.parse("<a>".repeat(cap + 1) + "x" + "</a>".repeat(cap + 1)))
                .isInstanceOf(XapiParseException.class).hasMessageContaining("nested deeper than " + cap);
    }

    @Test
    void documentsOverTheReadingCapAreRefusedUnread() {
        String body = "<Status>" + "x".repeat(SafeXml.MAX_BYTES) + "</Status>";
        assertThatThrownBy(() -> XapiXml.parse(body))
                .isInstanceOf(XapiParseException.class).hasMessageContaining(SafeXml.MAX_BYTES + "-byte reading cap");
    }
}
