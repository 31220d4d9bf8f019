package io.phonectl.xsi.action;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog holds exactly the ids of the control spec (the project's fact file of seed 001), section by section. */
class ActionCatalogIdsTest {

    private static Map<String, Set<String>> spec;

    @BeforeAll
    static void readFacts() {
        spec = ControlSpecIds.fromFactFile();
    }

    @Test
    void factFileHasTheCountsTheSpecStates() {
        assertThat(spec.get("Actions")).hasSize(114);
        assertThat(spec.get("Feedbacks")).hasSize(13);
        assertThat(spec.get("Variables")).hasSize(5);
        assertThat(spec.get("Events")).hasSize(5);
        assertThat(spec.get("Macros")).hasSize(2);
    }

    @Test
    void everyActionIdAndNoOther() {
        assertThat(ids(ActionCatalog.standard().actions().stream().map(ActionSpec::id).toList()))
                .containsExactlyElementsOf(spec.get("Actions"));
    }

    @Test
    void everyFeedbackIdAndNoOther() {
        assertThat(ids(ActionCatalog.standard().feedbacks().stream().map(FeedbackSpec::id).toList()))
                .containsExactlyElementsOf(spec.get("Feedbacks"));
    }

    @Test
    void everyVariableIdAndNoOther() {
        assertThat(ids(ActionCatalog.standard().variables().stream().map(VariableSpec::id).toList()))
                .containsExactlyElementsOf(spec.get("Variables"));
    }

    @Test
    void everyEventIdAndNoOther() {
        assertThat(ids(ActionCatalog.standard().events().stream().map(EventSpec::id).toList()))
                .containsExactlyElementsOf(spec.get("Events"));
    }

    @Test
    void everyMacroIdAndNoOther() {
        assertThat(ids(ActionCatalog.standard().macros().stream().map(MacroSpec::id).toList()))
                .containsExactlyElementsOf(spec.get("Macros"));
    }

    private static Set<String> ids(List<String> ids) {
        Set<String> set = new LinkedHashSet<>(ids);
        assertThat(set).as("no duplicates").hasSameSizeAs(ids);
        return set;
    }
}
