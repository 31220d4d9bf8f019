package io.phonectl.xsi.action;

import io.phonectl.xsi.testing.SeedDocuments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's fact file of control-spec ids equals the seed itself (seeds/001), section by section, in order.
 * Skipped with a reason when the seeds are not given; required in CI.
 */
class SeedCoverageTest {

    @Test
    void factFileHoldsExactlyTheIdsOfTheSeed() {
        Map<String, Set<String>> seed = ControlSpecIds.fromSeed(SeedDocuments.lines("001_24407eed9e154a59.txt"));
        assertThat(seed.get("Actions")).hasSize(114);
        assertThat(seed.get("Feedbacks")).hasSize(13);
        assertThat(seed.get("Variables")).hasSize(5);
        assertThat(seed.get("Events")).hasSize(5);
        assertThat(seed.get("Macros")).hasSize(2);
        Map<String, Set<String>> facts = ControlSpecIds.fromFactFile();
        for (String section : ControlSpecIds.SECTIONS) {
            assertThat(List.copyOf(facts.get(section))).as(section).containsExactlyElementsOf(seed.get(section));
        }
        assertThat(facts.keySet()).containsExactlyElementsOf(seed.keySet());
    }
}
