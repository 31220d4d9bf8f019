package io.phonectl.xsi.codec;

import io.phonectl.xsi.object.XsiDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripTest {

    static List<XsiDocument> samples() {
        return Samples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void utf8StrictRoundTripGivesEqualValue(XsiDocument doc) {
        byte[] bytes = XsiCodec.encode(doc, StandardCharsets.UTF_8);
        assertThat(XsiCodec.decode(bytes, XsiCodec.Mode.STRICT)).isEqualTo(doc);
        assertThat(XsiCodec.decode(bytes, XsiCodec.Mode.LENIENT)).isEqualTo(doc);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void isoLatin1RoundTripGivesEqualValue(XsiDocument doc) {
        byte[] bytes = XsiCodec.encode(doc, StandardCharsets.ISO_8859_1);
        assertThat(XsiCodec.decode(bytes, XsiCodec.Mode.STRICT)).isEqualTo(doc);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void formBodyRoundTripGivesEqualValue(XsiDocument doc) {
        assertThat(XsiCodec.decode(FormBody.xml(FormBody.encode(doc)))).isEqualTo(doc);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void encodingIsStable(XsiDocument doc) {
        byte[] once = XsiCodec.encode(doc);
        assertThat(XsiCodec.encode(XsiCodec.decode(once))).isEqualTo(once);
    }
}
