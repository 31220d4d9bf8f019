package io.phonectl.cucm;

import io.phonectl.cucm.axl.AxlFaults;
import io.phonectl.cucm.axl.AxlPhone;
import io.phonectl.cucm.axl.AxlRequests;
import io.phonectl.cucm.axl.AxlResponses;
import io.phonectl.cucm.axl.AxlVersion;
import io.phonectl.cucm.axl.ChangeBatch;
import io.phonectl.cucm.axl.ListChange;
import io.phonectl.cucm.axl.ListPhone;
import io.phonectl.cucm.ris.CmDevice;
import io.phonectl.cucm.ris.CmNode;
import io.phonectl.cucm.ris.CmSelectionCriteria;
import io.phonectl.cucm.ris.RisCodec;
import io.phonectl.cucm.ris.SelectCmDevice;
import io.phonectl.cucm.ris.SelectResult;
import io.phonectl.cucm.soap.Soap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Seeded mutations of valid documents: every reader either succeeds or fails with a {@link CucmException}. */
class CucmFuzzTest {

    static final AxlVersion V = AxlVersion.DEFAULT;
    static final int CAP = 1 << 20;

    static final List<byte[]> SEEDS = List.of(
            AxlRequests.encode(V, ListPhone.page(ListPhone.TAGS, 0, 1000)),
            AxlRequests.encode(V, new ListChange(7L, "q1", List.of("Phone"))),
            AxlResponses.listPhone(V, List.of(new AxlPhone("{A}", "SEP1", "d", "Cisco 8845", "Cisco 8845", "Phone", "SIP",
                    "DP", List.of())), ListPhone.TAGS),
            AxlResponses.getPhone(V, new AxlPhone("{A}", "SEP1", "d", "p", "m", "Phone", "SIP", "DP",
                    List.of(new AxlPhone.Line(1, "1000", "")))),
            AxlResponses.sqlRows(V, List.of(Map.of("name", "SEP1", "dn", "1000"))),
            AxlResponses.listChange(V, new ChangeBatch(new ChangeBatch.QueueInfo(1, 2, 3, "q"),
                    List.of(new ChangeBatch.Change("Phone", "{A}", 2, "u", false, Map.of("name", "SEP2"))))),
            Soap.fault(AxlFaults.tooLarge(10, 5, "listPhone")),
            RisCodec.encode(new SelectCmDevice(true, "", CmSelectionCriteria.phonesByName(List.of("SEP1"), ""))),
            RisCodec.encode(new SelectResult(1, List.of(new CmNode("Ok", "pub", false, List.of(new CmDevice("SEP1",
                    "1000-Registered", "Phone", 36224, "Yes", "Registered", 0, "d", 5, "SIP", "load",
                    List.of("127.0.0.1"))))), "")));

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void mutatedDocumentsFailOnlyWithTypedErrors(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 400; i++) {
            byte[] doc = mutate(SEEDS.get(rnd.nextInt(SEEDS.size())).clone(), rnd);
            readEveryWay(doc);
        }
    }

    private static byte[] mutate(byte[] doc, SplittableRandom rnd) {
        int edits = 1 + rnd.nextInt(4);
        byte[] out = doc;
        for (int e = 0; e < edits && out.length > 1; e++) {
            int at = rnd.nextInt(out.length);
            switch (rnd.nextInt(4)) {
                case 0 -> out[at] = (byte) rnd.nextInt(256);
                case 1 -> out[at] = (byte) "<>/&\"'=:0-9a".charAt(rnd.nextInt(12));
                case 2 -> out = java.util.Arrays.copyOf(out, at);
                default -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = (byte) rnd.nextInt(128);
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
            }
        }
        return out;
    }

    private static void readEveryWay(byte[] doc) {
        Soap.Message m;
        try {
            m = Soap.read(doc, CAP);
        } catch (CucmException e) {
            return;
        } catch (RuntimeException e) {
            fail("Soap.read threw " + e + " for " + new String(doc, java.nio.charset.StandardCharsets.ISO_8859_1));
            return;
        }
        List<Consumer<Soap.Message>> readers = List.of(
                x -> AxlRequests.decode(x.body() == null ? x.expect("x") : x.body()),
                AxlResponses::readListPhone, AxlResponses::readGetPhone, AxlResponses::readSqlRows,
                AxlResponses::readListChange, RisCodec::decode,
                x -> RisCodec.decode(x.body() == null ? x.expect("x") : x.body()));
        for (Consumer<Soap.Message> r : readers) {
            try {
                r.accept(m);
            } catch (CucmException e) {
                assertThat(e.getMessage()).isNotBlank();
            } catch (RuntimeException e) {
                fail("a reader threw " + e + " for " + new String(doc, java.nio.charset.StandardCharsets.ISO_8859_1), e);
            }
        }
    }
}
