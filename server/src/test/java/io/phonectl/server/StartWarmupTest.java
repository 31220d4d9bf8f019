package io.phonectl.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartWarmupTest {

    /** A step that fails is skipped silently at a start, so a library change that breaks one would go unnoticed. */
    @Test
    void everyStepRuns() {
        assertThat(StartWarmup.run()).as("failed warm-up steps").isEmpty();
    }
}
