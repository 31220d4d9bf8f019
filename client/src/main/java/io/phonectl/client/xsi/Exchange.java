package io.phonectl.client.xsi;

/** The transport-level end of one HTTP exchange: an answer to interpret, or a failure already classified. */
public sealed interface Exchange {
    record Answered(Answer answer) implements Exchange {
    }

    record Failed(PushOutcome outcome) implements Exchange {
    }
}
