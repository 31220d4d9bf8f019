package io.phonectl.xapi.rpc;

import io.phonectl.xapi.XapiParseException;
import io.phonectl.xsi.testing.SeedDocuments;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON example block of seeds/004, read from the seed file, re-rendered byte-for-byte in the guide's layout.
 * The blocks are the document's own text, not facts to keep a copy of: without the seeds this test is skipped
 * (CI requires it); {@link GuideStyleLayoutTest} checks the layout rules on every build.
 */
class GuideStyleTest {

    static List<String> blocks() {
        List<String> lines = SeedDocuments.lines("004_35500cc56039e489.txt");
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            if (line.equals("{")) {
                current = new StringBuilder();
            }
            if (current != null) {
                current.append(current.isEmpty() ? "" : "\n").append(line);
                if (line.equals("}")) {
                    out.add(current.toString());
                    current = null;
                }
            }
        }
        return out;
    }

    @Test
    void everyExampleOfTheGuideIsReproducedExactly() {
        List<String> blocks = blocks();
        int messages = 0;
        List<String> unreadable = new ArrayList<>();
        List<String> typos = new ArrayList<>();
        for (String block : blocks) {
            if (block.contains(": <")) {
                continue; // the structure templates at the start, not JSON
            }
            try {
                RpcMessage parsed = RpcCodec.parse(block);
                String rendered = GuideStyle.render(RpcCodec.readTree(block));
                if (!rendered.equals(block)) {
                    typos.add(block);
                    assertThat(rendered.replaceAll("\\s+", "")).isEqualTo(block.replaceAll("\\s+", ""));
                }
                assertThat(RpcCodec.readTree(GuideStyle.render(parsed))).isEqualTo(RpcCodec.readTree(block));
                messages++;
            } catch (XapiParseException e) {
                unreadable.add(block);
            }
        }
        assertThat(messages).isEqualTo(30); // 31 examples, one of them unreadable
        // one layout typo in the guide: the SignInBanner response's closing brace is indented one level too deep
        assertThat(typos).hasSize(1).first().asString().contains("\"id\": 112").contains("\t\t  }\n}");
        // only the multi-line example: the guide prints a raw line break inside a string and a trailing comma
        assertThat(unreadable).hasSize(1).first().asString().contains("SignInBanner");
    }
}
