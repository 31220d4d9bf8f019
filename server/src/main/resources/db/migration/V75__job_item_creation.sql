-- A job's items are inserted in chunks, the first with the job's row, the rest while the job already sends
-- (ItemCreation; one transaction of 10,000 items held the first send back by 120-400 ms, JobBench, issue 10).
-- creating_by: the replica inserting them (NULL once every item is in: only then can the job finish);
-- created_through: the last device id inserted, where a replica that takes over a dead creator's work goes on.
ALTER TABLE jobs ADD COLUMN creating_by VARCHAR(100);
ALTER TABLE jobs ADD COLUMN created_through BIGINT;
