package io.phonectl.server.job;

/**
 * A job kind added from outside the engine (notifications): its own action id, a check of what a client sent, and
 * what one item does, with the engine's transports ({@link KindItem}). The engine keeps everything else: items,
 * claims, attempts, deadline, cancel, resume after a crash, outcomes, events. Kinds are given to
 * {@link Jobs#start}; their ids must not be catalog action ids.
 */
public interface JobKind {

    /** The action id jobs of this kind carry, e.g. {@code notification}. */
    String id();

    /**
     * Checks what a client sent (problems name {@code params.<member>}) and returns what each item does. Called when a
     * job is created (to refuse what cannot be sent) and again at each run.
     */
    Action build(JobSpec spec);

    /**
     * Called once a job of this kind is stored and scheduled (follow-ups such as an escalation check start here).
     * What it throws is logged; the job stands.
     */
    default void created(long jobId, JobSpec spec, String actor) {
    }

    /** What one item does; every device kind reaches it (the kind decides what is UNSUPPORTED, and why). */
    @FunctionalInterface
    interface Action {
        ItemOutcome send(KindItem item);
    }
}
