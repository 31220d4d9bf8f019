package io.phonectl.client.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.phonectl.xapi.rpc.RpcCodec;
import tools.jackson.databind.JsonNode;

final class JsonAssert {
    private JsonAssert() {}

    static void sameTree(JsonNode actual, String expected) {
        // re-read: the core builds long nodes, the parser int nodes; equal JSON text is what matters
        assertThat(RpcCodec.readTree(actual.toString())).isEqualTo(RpcCodec.readTree(expected));
    }
}
