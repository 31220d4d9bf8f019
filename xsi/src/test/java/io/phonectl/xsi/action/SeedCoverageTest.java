package io.phonectl.xsi.action;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog holds exactly the ids of the control spec (seeds/001), section by section. */
class SeedCoverageTest {

    private static final List<String> SECTIONS = List.of("Actions", "Feedbacks", "Variables", "Events", "Macros");
    /** Every top-level heading of the spec, so that a section ends where the next one begins. */
    private static final Set<String> HEADERS = Set.of("Summary", "Transport", "Traits", "Actions", "Feedbacks",
            "Variables", "Events", "Macros", "Safety", "Notes", "Provenance", "Verification Summary", "Known Gaps");
    private static final Pattern ID = Pattern.compile("^- id: (\\S+)\\s*$");
    private static Map<String, Set<String>> seed;

    @BeforeAll
    static void readSeed() throws IOException {
        String shared = System.getProperty("phonectl.shared");
        assertThat(shared).as("system property phonectl.shared (set by the build)").isNotNull();
        List<String> lines = Files.readAllLines(Path.of(shared, "seeds", "001_24407eed9e154a59.txt"),
                StandardCharsets.UTF_8);
        seed = new LinkedHashMap<>();
        String section = null;
        for (String line : lines) {
            if (HEADERS.contains(line)) {
                section = SECTIONS.contains(line) ? line : null;
                continue;
            }
            Matcher m = ID.matcher(line);
            if (section != null && m.matches()) {
                seed.computeIfAbsent(section, s -> new LinkedHashSet<>()).add(m.group(1));
            }
        }
    }

    @Test
    void seedHasTheCountsItStates() {
        assertThat(seed.get("Actions")).hasSize(114);
        assertThat(seed.get("Feedbacks")).hasSize(13);
        assertThat(seed.get("Variables")).hasSize(5);
        assertThat(seed.get("Events")).hasSize(5);
        assertThat(seed.get("Macros")).hasSize(2);
    }

    @Test
    void everyActionIdAndNoOther() {
        assertThat(ids(ActionCatalog.standard().actions().stream().map(ActionSpec::id).toList()))
                .containsExactlyElementsOf(seed.get("Actions"));
    }

    @Test
    void everyFeedbackIdAndNoOther() {
        assertThat(ids(ActionCatalog.standard().feedbacks().stream().map(FeedbackSpec::id).toList()))
                .containsExactlyElementsOf(seed.get("Feedbacks"));
    }

    @Test
    void everyVariableIdAndNoOther() {
        assertThat(ids(ActionCatalog.standard().variables().stream().map(VariableSpec::id).toList()))
                .containsExactlyElementsOf(seed.get("Variables"));
    }

    @Test
    void everyEventIdAndNoOther() {
        assertThat(ids(ActionCatalog.standard().events().stream().map(EventSpec::id).toList()))
                .containsExactlyElementsOf(seed.get("Events"));
    }

    @Test
    void everyMacroIdAndNoOther() {
        assertThat(ids(ActionCatalog.standard().macros().stream().map(MacroSpec::id).toList()))
                .containsExactlyElementsOf(seed.get("Macros"));
    }

    private static Set<String> ids(List<String> ids) {
        Set<String> set = new LinkedHashSet<>(ids);
        assertThat(set).as("no duplicates").hasSameSizeAs(ids);
        return set;
    }
}
