package io.phonectl.xapi.schema;

import io.phonectl.xapi.path.XPath;
import io.phonectl.xsi.testing.FactFiles;
import io.phonectl.xsi.testing.SeedDocuments;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every xStatus, xCommand and xEvent item of seeds/002 (kept as the fact file {@code seed-facts/phoneos-items.txt},
 * checked against the seed when it is given) exists in the PhoneOS profile. The seed runs items together
 * ("…statisticsNetwork Statistics Port [1-2]- …"); an item starts at the first lower-to-upper case boundary whose
 * first word is one of the seed's top-level nodes.
 */
class PhoneOsCoverageTest {

    private static final Set<String> ROOTS = Set.of("Network", "ThousandEyes", "LEDStatus", "PhoneStatus", "Bookings",
            "DownloadStatus", "DownloadedLocalePackage", "PRTStatus", "Security", "Line", "Conference", "ExtStatus",
            "HttpFeedback", "Standby", "SystemUnit", "Call", "Ui", "BootEvent", "Shutdown", "SipCallDisconnect",
            "SipCallSuccessful");
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[a-z)])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final Pattern RANGE = Pattern.compile("\\s*\\[(n|[0-9]+-[0-9]+)]");

    record Item(String section, String text) {
    }

    /** The project's fact file {@code seed-facts/phoneos-items.txt}. */
    static List<Item> factItems() {
        return FactFiles.lines(PhoneOsCoverageTest.class, "phoneos-items.txt").stream()
                .map(l -> l.split("\t", 2)).map(c -> new Item(c[0], c[1])).toList();
    }

    static List<Item> seedItems(List<String> lines) {
        List<Item> items = new ArrayList<>();
        String section = null;
        for (String line : lines) {
            if (line.startsWith("xStatus Additions:")) {
                section = "Status";
            } else if (line.startsWith("xCommand Additions:")) {
                section = "Command";
            } else if (line.startsWith("xEvent Additions:")) {
                section = "Event";
            } else if (line.startsWith("API Access") || line.matches("[0-9]+\\. .*")) {
                section = null;
            } else if (section != null && line.contains("- ")) {
                String[] parts = line.split("(?<=\\S)- ");
                items.add(new Item(section, parts[0].trim()));
                for (int i = 1; i < parts.length - 1; i++) {
                    items.add(new Item(section, itemAtEnd(parts[i])));
                }
            }
        }
        return items;
    }

    private static String itemAtEnd(String descriptionThenItem) {
        Matcher m = BOUNDARY.matcher(descriptionThenItem);
        while (m.find()) {
            String candidate = descriptionThenItem.substring(m.start());
            String first = candidate.split("[\\s\\[]")[0];
            if (ROOTS.contains(first)) {
                return candidate.trim();
            }
        }
        throw new AssertionError("no item found in: " + descriptionThenItem);
    }

    /** {@code Line [n] Call [n] Jitter} → Status Line 1 Call 1 Jitter (the lowest id of every range). */
    static XPath concrete(Item item) {
        Matcher m = RANGE.matcher(item.text());
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String r = m.group(1);
            m.appendReplacement(b, " " + (r.equals("n") ? "1" : r.substring(0, r.indexOf('-'))));
        }
        m.appendTail(b);
        return XPath.parseWords(item.section() + " " + b);
    }

    @Test
    void factFileHoldsExactlyTheItemsOfTheSeed() {
        assertThat(factItems()).containsExactlyElementsOf(seedItems(SeedDocuments.lines("002_b071cc6c86e5a670.txt")));
    }

    @Test
    void everySeedItemIsInThePhoneOsProfile() {
        List<Item> items = factItems();
        // counted by hand in the seed: 71 (3.6) + 20 (3.5) xStatus, 11 xCommand, 4 xEvent
        assertThat(items.stream().filter(i -> i.section().equals("Status"))).hasSize(91);
        assertThat(items.stream().filter(i -> i.section().equals("Command"))).hasSize(11);
        assertThat(items.stream().filter(i -> i.section().equals("Event"))).hasSize(4);
        DeviceSchema phone = DeviceSchema.phoneOs();
        for (Item item : items) {
            XPath path = concrete(item);
            assertThat(phone.lookup(path)).as("%s (%s)", item.text(), path).isPresent();
        }
    }

    @Test
    void lookupIsCaseInsensitiveAndAnswersCanonicalCasing() {
        DeviceSchema phone = DeviceSchema.phoneOs();
        assertThat(phone.lookup(XPath.parseWords("status line 2 call 7 jitter")).orElseThrow().path())
                .isEqualTo(XPath.of("Status", "Line", 2, "Call", 7, "Jitter"));
    }

    @Test
    void instanceRangesAreEnforced() {
        DeviceSchema phone = DeviceSchema.phoneOs();
        assertThat(phone.lookup(XPath.parseWords("Status Network Statistics Port 2"))).isPresent();
        assertThat(phone.lookup(XPath.parseWords("Status Network Statistics Port 3"))).isEmpty();
        assertThat(phone.lookup(XPath.parseWords("Status DownloadStatus ScreenStatus CustomWallpaperDownload 20"))).isPresent();
        assertThat(phone.lookup(XPath.parseWords("Status DownloadStatus ScreenStatus CustomWallpaperDownload 21"))).isEmpty();
    }
}
