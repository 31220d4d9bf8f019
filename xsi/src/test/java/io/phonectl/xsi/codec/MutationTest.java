package io.phonectl.xsi.codec;

import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.object.XsiDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Mutated valid documents may only ever fail with the codec's two typed errors (never anything else). */
class MutationTest {

    private static final int MUTATIONS_PER_SEED = 110;
    private static final List<byte[]> VALID = Samples.all().stream().map(XsiCodec::encode).toList();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void mutatedDocumentsFailOnlyWithTypedErrors(long seed) {
        Random rnd = new Random(seed);
        int typedFailures = 0;
        for (int i = 0; i < MUTATIONS_PER_SEED; i++) {
            byte[] original = VALID.get(rnd.nextInt(VALID.size()));
            byte[] mutated = mutate(original, rnd);
            for (XsiCodec.Mode mode : XsiCodec.Mode.values()) {
                try {
                    XsiDocument doc = XsiCodec.decode(mutated, mode);
                    assertThat(doc).isNotNull();
                    XsiCodec.encode(doc); // whatever was accepted must be writable again
                } catch (XsiParseException | XsiValidationException expected) {
                    typedFailures++;
                } catch (Throwable t) {
                    fail("seed " + seed + " mutation " + i + " (" + mode + ") threw " + t + " for: "
                            + new String(mutated, StandardCharsets.ISO_8859_1), t);
                }
            }
        }
        // The mutations must actually break documents, or this test would prove nothing.
        assertThat(typedFailures).isGreaterThan(MUTATIONS_PER_SEED / 4);
    }

    @ParameterizedTest
    @ValueSource(longs = {101, 102, 103, 104, 105})
    void mutatedFormBodiesFailOnlyWithTypedErrors(long seed) {
        Random rnd = new Random(seed);
        List<XsiDocument> docs = Samples.all();
        for (int i = 0; i < MUTATIONS_PER_SEED; i++) {
            XsiDocument doc = docs.get(rnd.nextInt(docs.size()));
            byte[] body = rnd.nextBoolean() ? FormBody.encode(doc)
                    : ("XML=" + XsiCodec.toXml(doc)).getBytes(StandardCharsets.UTF_8);
            byte[] mutated = mutate(body, rnd);
            try {
                XsiCodec.decodeForm(mutated, XsiCodec.Mode.LENIENT);
            } catch (XsiParseException | XsiValidationException expected) {
                // the only allowed failures
            } catch (Throwable t) {
                fail("seed " + seed + " body mutation " + i + " threw " + t, t);
            }
        }
    }

    static byte[] mutate(byte[] in, Random rnd) {
        int pos = rnd.nextInt(in.length);
        return switch (rnd.nextInt(7)) {
            case 0 -> { // flip bits of one to three bytes
                byte[] b = in.clone();
                for (int k = 0, n = 1 + rnd.nextInt(3); k < n; k++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                yield b;
            }
            case 1 -> Arrays.copyOf(in, pos); // truncate
            case 2 -> insert(in, pos, "<");
            case 3 -> insert(in, pos, "&");
            case 4 -> insert(in, pos, "<x>".repeat(40) + "</x>".repeat(40)); // deep nesting
            case 5 -> { // delete a range
                int len = Math.min(in.length - pos, 1 + rnd.nextInt(12));
                byte[] b = new byte[in.length - len];
                System.arraycopy(in, 0, b, 0, pos);
                System.arraycopy(in, pos + len, b, pos, in.length - pos - len);
                yield b;
            }
            default -> insert(in, pos, String.valueOf((char) (rnd.nextInt(0x7F))));
        };
    }

    private static byte[] insert(byte[] in, int pos, String s) {
        byte[] add = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = new byte[in.length + add.length];
        System.arraycopy(in, 0, b, 0, pos);
        System.arraycopy(add, 0, b, pos, add.length);
        System.arraycopy(in, pos, b, pos + add.length, in.length - pos);
        return b;
    }
}
