-- Which replica claimed a slot whose job it is still storing (result 'starting'). The job's row and the slot's
-- 'started' commit together; a slot left 'starting' by a replica that is gone is taken over by the next look.
ALTER TABLE schedule_runs ADD COLUMN claimed_by VARCHAR(100);
