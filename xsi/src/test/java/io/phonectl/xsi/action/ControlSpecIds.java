package io.phonectl.xsi.action;

import io.phonectl.xsi.testing.FactFiles;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ids of the control spec, section by section: from the project's fact file, or read from seed 001 itself. */
final class ControlSpecIds {

    static final List<String> SECTIONS = List.of("Actions", "Feedbacks", "Variables", "Events", "Macros");
    /** Every top-level heading of the spec, so that a section ends where the next one begins. */
    private static final Set<String> HEADERS = Set.of("Summary", "Transport", "Traits", "Actions", "Feedbacks",
            "Variables", "Events", "Macros", "Safety", "Notes", "Provenance", "Verification Summary", "Known Gaps");
    private static final Pattern ID = Pattern.compile("^- id: (\\S+)\\s*$");
    private static final Pattern SECTION = Pattern.compile("^\\[(\\w+)]$");

    private ControlSpecIds() {
    }

    /** {@code seed-facts/control-spec-ids.txt}. */
    static Map<String, Set<String>> fromFactFile() {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        String section = null;
        for (String line : FactFiles.lines(ControlSpecIds.class, "control-spec-ids.txt")) {
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                section = m.group(1);
            } else if (section != null) {
                ids.computeIfAbsent(section, s -> new LinkedHashSet<>()).add(line.strip());
            }
        }
        return ids;
    }

    /** The {@code - id:} lines of the seed, under the sections they stand in. */
    static Map<String, Set<String>> fromSeed(List<String> lines) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        String section = null;
        for (String line : lines) {
            if (HEADERS.contains(line)) {
                section = SECTIONS.contains(line) ? line : null;
                continue;
            }
            Matcher m = ID.matcher(line);
            if (section != null && m.matches()) {
                ids.computeIfAbsent(section, s -> new LinkedHashSet<>()).add(m.group(1));
            }
        }
        return ids;
    }
}
