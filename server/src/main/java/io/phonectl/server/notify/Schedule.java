package io.phonectl.server.notify;

import io.phonectl.server.job.JobOptions;
import io.phonectl.server.job.JobRequest;
import io.phonectl.server.job.JobTarget;
import io.phonectl.server.paging.PageService;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A schedule: one-time ({@code at}) or recurring ({@code cron}, five fields, in {@code zone}), skipping local
 * {@code holidays}, running a template, a saved job definition or a page at each slot.
 */
public record Schedule(long id, String name, Instant at, String cron, String zone, List<String> holidays,
                       boolean enabled, Runs runs, List<Instant> nextRuns, String createdBy, Instant createdAt,
                       Instant updatedAt) {

    /**
     * What a slot runs: a template ({@code template} id, {@code variables}, {@code target}, {@code options}), a saved
     * job definition ({@code job}, as {@code POST /api/v1/jobs} takes it) or a page ({@code page}, as
     * {@code POST /api/v1/pages} takes it: a stored clip to a target's XSI phones). Exactly one of template, job and
     * page.
     */
    public record Runs(Long template, Map<String, String> variables, JobTarget target, JobOptions options,
                       JobRequest job, PageService.PageRequest page) {
    }

    /** What {@code POST /api/v1/schedules} and {@code PUT} take; {@code enabled} defaults to true. */
    public record Input(String name, Instant at, String cron, String zone, List<String> holidays, Boolean enabled,
                        Runs runs) {
    }

    /** The slots that came, newest first. */
    public record History(List<Run> items) {
    }

    /** A slot that came: the job it started, or the page. */
    public record Run(Instant slot, String result, Long jobId, Long pageId, String detail, Instant ranAt) {
    }
}
