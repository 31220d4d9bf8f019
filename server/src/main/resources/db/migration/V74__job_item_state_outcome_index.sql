-- One index for a job's items by state and outcome instead of two. V21's job_items_job_state (job_id, state, id) and
-- job_items_job_outcome (job_id, outcome, id) were both written by every item's creation, and both rewritten by its
-- final outcome (state in_flight -> final, outcome NULL -> the outcome): four index changes per outcome written, the
-- largest part of a job's cost after the rows themselves (JobBench, docs/BENCHMARKS.md, issue 10). Outcomes exist only
-- on final items (V21's CHECK), so (job_id, state, outcome, id) serves all of their readers: claims (pending items in
-- id order: every outcome there is NULL), counts (final items by outcome, open items by state), the items listed by
-- outcome (state = 'final' AND outcome = ?, in id order) and the job's end (no item not final).
DROP INDEX job_items_job_state;
DROP INDEX job_items_job_outcome;
CREATE INDEX job_items_job_state_outcome ON job_items (job_id, state, outcome, id);
