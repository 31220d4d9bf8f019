package io.phonectl.xapi.rpc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide's layout rules on messages of our own: one member per line, level n = n tabs + n spaces, flat arrays. */
class GuideStyleLayoutTest {

    @Test
    void nestedObjectsIndentByOneTabAndOneSpacePerLevel() {
        String compact = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"xCommand/Audio/Volume/Set\","
                + "\"params\":{\"Level\":40,\"Extra\":{\"Path\":[\"Status\",\"Audio\",1]}}}";
        assertThat(GuideStyle.render(RpcCodec.readTree(compact))).isEqualTo("""
                {
                \t "jsonrpc": "2.0",
                \t "id": 7,
                \t "method": "xCommand/Audio/Volume/Set",
                \t "params": {
                \t\t  "Level": 40,
                \t\t  "Extra": {
                \t\t\t   "Path": ["Status", "Audio", 1]
                \t\t  }
                \t }
                }""");
    }

    @Test
    void emptyObjectsStayOnOneLineAndStringsAreEscaped() {
        assertThat(GuideStyle.render(RpcCodec.readTree("{\"a\":{},\"b\":\"x\\\"y\",\"c\":[]}")))
                .isEqualTo("{\n\t \"a\": {},\n\t \"b\": \"x\\\"y\",\n\t \"c\": []\n}");
    }

    @Test
    void aParsedMessageRendersAndReadsBackEqual() {
        String compact = "{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"result\":{\"Uptime\":62974}}";
        RpcMessage message = RpcCodec.parse(compact);
        assertThat(RpcCodec.readTree(GuideStyle.render(message))).isEqualTo(RpcCodec.readTree(compact));
    }
}
