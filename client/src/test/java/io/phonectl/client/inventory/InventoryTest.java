package io.phonectl.client.inventory;

import io.phonectl.client.xsi.PhoneAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryTest {

    static final String FLEET = """
            name,address,model,user
            SEP000000000001,127.0.0.1:20001,CP-8845,admin
            SEP000000000002,127.0.0.1:20002,CP-7841,admin
            # a comment
            "SEP000000000003, lab",127.0.0.1:20003,DP-9841,
            """;

    @Test
    void readsTheSimulatorsFleetFile() {
        Inventory inv = Inventory.parseCsv(FLEET, "fleet.csv");
        assertThat(inv.phones()).hasSize(3);
        PhoneEntry p = inv.phones().getFirst();
        assertThat(p).isEqualTo(new PhoneEntry("SEP000000000001", new PhoneAddress("127.0.0.1", 20001), "CP-8845", "admin", ""));
        assertThat(inv.phones().get(2).name()).isEqualTo("SEP000000000003, lab");
        assertThat(inv.phones().get(2).user()).isEmpty();
    }

    /** {@code phonectl sim --xapi N} writes fleet-xapi.csv in the same columns; the model is the product. */
    @Test
    void readsTheSimulatorsXapiFleetFile() {
        Inventory inv = Inventory.parseCsv("name,address,model,user\nxapi-0001,127.0.0.1:40001,roomos,admin\n"
                + "xapi-0002,[::1]:40002,roomos,admin\n", "fleet-xapi.csv");
        assertThat(inv.phones()).containsExactly(
                new PhoneEntry("xapi-0001", new PhoneAddress("127.0.0.1", 40001), "roomos", "admin", ""),
                new PhoneEntry("xapi-0002", PhoneAddress.parse("[::1]:40002"), "roomos", "admin", ""));
        assertThat(inv.phones().get(1).address().host()).isEqualTo("::1");
    }

    @Test
    void reorderedHeaderAndCredentialsColumn() {
        assertThat(Inventory.parseCsv("name,address,model,user,credentials\na,127.0.0.1,CP-8845,u,env:SITEA\n", "x")
                .phones().getFirst().credentials()).isEqualTo("env:SITEA");
        Inventory inv = Inventory.parseCsv("model,credentials,address,name,site\nCP-8865,file:/c#k,127.0.0.2:8080,b,hq\n", "x");
        assertThat(inv.phones().getFirst()).isEqualTo(new PhoneEntry("b", new PhoneAddress("127.0.0.2", 8080), "CP-8865", "", "file:/c#k"));
    }

    /** Issue 16: a byte-order mark or a header without address made header words phones, looked up in DNS. */
    @Test
    void aByteOrderMarkIsSkippedAndTheHeaderStaysAHeader() {
        Inventory inv = Inventory.parseCsv("\uFEFF" + FLEET, "fleet.csv");
        assertThat(inv.phones()).hasSize(3);
        assertThat(inv.phones()).extracting(PhoneEntry::name).doesNotContain("name", "\uFEFFname");
        Inventory onlyAddresses = Inventory.parseCsv("address\n127.0.0.9:8080\n", "x");
        assertThat(onlyAddresses.phones().getFirst().name()).isEqualTo("127.0.0.9:8080");
    }

    /** A password file given where a fleet is expected: refused, and not one byte of it in the message. */
    @Test
    void aPasswordFileAsFleetIsRefusedWithoutEchoingIt() {
        for (String secret : List.of("hunter2-Secret", "s3cr3t,w1th,c0mmas", "admin\nhunter2-Secret")) {
            assertThatThrownBy(() -> Inventory.parseCsv(secret + "\n", "secret.txt"))
                    .isInstanceOf(InventoryException.class)
                    .hasMessageContaining("must be a header")
                    .satisfies(e -> {
                        for (String part : secret.split("[,\n]")) {
                            assertThat(e.getMessage()).doesNotContain(part);
                        }
                    });
        }
    }

    @Test
    void readsJson() {
        Inventory a = Inventory.parseJson("[{\"name\":\"a\",\"address\":\"127.0.0.1\",\"model\":\"CP-8845\",\"credentials\":\"env:X\"}]", "j");
        Inventory b = Inventory.parseJson("{\"phones\":[{\"name\":\"a\",\"address\":\"127.0.0.1\",\"model\":\"CP-8845\",\"credentials\":\"env:X\"}]}", "j");
        assertThat(a).isEqualTo(b);
        assertThat(a.phones().getFirst().address().port()).isEqualTo(80);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name,address\\na,127.0.0.1\\na,127.0.0.2|appears twice",
            "name,address\\na,|address of \"a\" is missing",
            "name,address\\n,|address is missing",
            "a,127.0.0.1,CP-8845\\nb,127.0.0.2,CP-8845|the first line must be a header naming the columns",
            "name,address,Address\\na,127.0.0.1|column \"address\" appears twice",
            "name,address\\na,bad_host!|not a host name",
            "name,address\\na,999.1.2.3|not an IPv4 address",
            "name,address\\na,127.0.0.1:99999|must be 1..65535",
            "name,address\\na,127.0.0.1,x|2 columns",
            "name,address,password\\na,127.0.0.1,pw-in-clear|password column is refused",
            "name,address\\n\"a,127.0.0.1|unclosed double quote",
    })
    void badCsvIsRejectedWithWhereAndWhy(String csv, String message) {
        assertThatThrownBy(() -> Inventory.parseCsv(csv.replace("\\n", "\n"), "f.csv"))
                .isInstanceOf(InventoryException.class).hasMessageContaining(message).hasMessageNotContaining("pw-in-clear");
    }

    @Test
    void badJsonIsRejected() {
        assertThatThrownBy(() -> Inventory.parseJson("{", "j")).isInstanceOf(InventoryException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Inventory.parseJson("{\"x\":1}", "j")).isInstanceOf(InventoryException.class);
        assertThatThrownBy(() -> Inventory.parseJson("[{\"name\":\"a\",\"address\":\"h\",\"password\":\"p\"}]", "j"))
                .isInstanceOf(InventoryException.class).hasMessageContaining("refused");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "model=CP-8845|SEP000000000001",
            "model=8845|SEP000000000001",
            "model=cp-8845,DP-9841|SEP000000000001;SEP000000000003, lab",
            "model!=CP-8845|SEP000000000002;SEP000000000003, lab",
            "name=*0002|SEP000000000002",
            "model=CP-78*|SEP000000000002",
            "user=|''",
    })
    void selectors(String where, String expectedNames) {
        Inventory inv = Inventory.parseCsv(FLEET, "fleet.csv");
        List<String> expected = expectedNames.equals("''") ? List.of() : List.of(expectedNames.split(";"));
        if (where.equals("user=")) {
            assertThatThrownBy(() -> Selector.parse(where)).isInstanceOf(InventoryException.class);
            return;
        }
        assertThat(inv.select(List.of(Selector.parse(where))).phones()).extracting(PhoneEntry::name)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void selectorsCombineWithAndAndRejectUnknownFields() {
        Inventory inv = Inventory.parseCsv(FLEET, "fleet.csv");
        assertThat(inv.select(List.of(Selector.parse("model=CP-*"), Selector.parse("user=admin"))).size()).isEqualTo(2);
        assertThatThrownBy(() -> Selector.parse("color=red")).isInstanceOf(InventoryException.class).hasMessageContaining("color");
        assertThatThrownBy(() -> Selector.parse("model")).isInstanceOf(InventoryException.class);
    }
}
