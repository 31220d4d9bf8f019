package io.phonectl.xsi.model;

import io.phonectl.xsi.testing.FactFiles;
import io.phonectl.xsi.testing.SeedDocuments;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000's component-API support table, kept as the project's fact file {@code seed-facts/support-table.tsv}:
 * the catalog agrees with every row (every build), and the rows equal the seed's (when the seeds are given; CI).
 */
class SupportTableTest {

    private static final Pattern MODEL = Pattern.compile("\\b(\\d{4}(?:G|NR)?(?:-GE|-EX)?)\\b");
    private static final Pattern SERIES = Pattern.compile("(\\d)(\\d)00 Series");

    @Test
    void everyModelOfTheSupportTableIsInTheCatalogWithItsFirmware() {
        ModelCatalog catalog = ModelCatalog.standard();
        List<String> checked = new ArrayList<>();
        for (String line : FactFiles.lines(SupportTableTest.class, "support-table.tsv")) {
            String[] cols = line.split("\t");
            assertThat(cols).as("row %s", line).hasSizeGreaterThanOrEqualTo(3);
            boolean supported = !cols[1].equals("Not supported");
            String firmware = cols[2].replace(" or later", "").replace(" and later", "").strip();
            for (PhoneModel m : rowModels(catalog, cols[0])) {
                checked.add(m.name());
                if (m.mpp() && supported) {
                    // the component API text overrides this row: MPP supports neither API
                    assertThat(m.support(ComponentApi.RTP_STREAMING).supported()).isFalse();
                    assertThat(m.componentApiFirmware()).isEqualTo(firmware);
                } else if (supported) {
                    assertThat(m.componentApiFirmware()).as(m.name()).isEqualTo(firmware);
                    assertThat(m.support(ComponentApi.RTP_STREAMING).supported()).as(m.name()).isTrue();
                } else {
                    assertThat(m.componentApiFirmware()).as(m.name()).isEqualTo("none");
                    assertThat(m.support(ComponentApi.RTP_STREAMING).supported()).as(m.name()).isFalse();
                    assertThat(m.support(ComponentApi.APP_MANAGEMENT).supported()).as(m.name()).isFalse();
                }
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void factFileHoldsExactlyTheRowsOfTheSeed() {
        List<String> seedRows = new ArrayList<>();
        for (String line : SeedDocuments.lines("000_17771cf3a77fab85.txt")) {
            String[] cols = line.split("\t");
            if (cols.length >= 3 && (cols[1].equals("Supported") || cols[1].startsWith("Supported (")
                    || cols[1].equals("Not supported"))) {
                seedRows.add(line);
            }
        }
        assertThat(FactFiles.lines(SupportTableTest.class, "support-table.tsv")).containsExactlyElementsOf(seedRows);
    }

    private static List<PhoneModel> rowModels(ModelCatalog catalog, String cell) {
        List<PhoneModel> out = new ArrayList<>();
        if (cell.contains("Multiplatform")) {
            Matcher s = SERIES.matcher(cell);
            assertThat(s.find()).as(cell).isTrue();
            String series = s.group(1) + s.group(2) + "xx";
            Optional<PhoneModel> m = catalog.models().stream().filter(p -> p.mpp() && p.series().equals(series)).findFirst();
            assertThat(m).as("an MPP model of series " + series).isPresent();
            out.add(m.get());
        } else if (cell.contains("Communicator")) {
            out.add(catalog.model("Cisco IP Communicator"));
        } else {
            Matcher mm = MODEL.matcher(cell);
            while (mm.find()) {
                Optional<PhoneModel> m = catalog.find(mm.group(1));
                assertThat(m).as("catalog has " + mm.group(1) + " (row: " + cell + ")").isPresent();
                out.add(m.get());
            }
            assertThat(out).as("row names a model: " + cell).isNotEmpty();
        }
        return out;
    }
}
