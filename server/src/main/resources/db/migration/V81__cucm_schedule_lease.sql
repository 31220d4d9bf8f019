-- CUCM sources run on their own: a schedule per source (an interval or a cron pattern in a zone), the next slot, and
-- the lease of the run in progress. Written once for H2 and PostgreSQL.
ALTER TABLE cucm_sources ADD COLUMN schedule_every_s BIGINT;
ALTER TABLE cucm_sources ADD COLUMN schedule_cron VARCHAR(120);
ALTER TABLE cucm_sources ADD COLUMN schedule_zone VARCHAR(64);
ALTER TABLE cucm_sources ADD COLUMN schedule_enabled BOOLEAN NOT NULL DEFAULT FALSE;
-- the next scheduled slot; null without an active schedule. A replica takes a slot by moving it on with a conditional
-- UPDATE (WHERE next_run_at = the slot it read): one replica wins, the others change nothing.
ALTER TABLE cucm_sources ADD COLUMN next_run_at TIMESTAMP WITH TIME ZONE;
-- the run in progress and the replica running it, until lease_until (renewed while it runs). A run is started by a
-- conditional UPDATE that takes a free or expired lease, so one source never has two runs, whichever replica asks.
ALTER TABLE cucm_sources ADD COLUMN lease_owner VARCHAR(140);
ALTER TABLE cucm_sources ADD COLUMN lease_run_id BIGINT;
ALTER TABLE cucm_sources ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE cucm_sources ADD CONSTRAINT cucm_sources_every_or_cron
    CHECK (schedule_every_s IS NULL OR schedule_cron IS NULL);
CREATE INDEX cucm_sources_next_run ON cucm_sources (next_run_at);

-- the slot a scheduled run was started for (null: started by hand); one run per slot, whatever happens
ALTER TABLE cucm_runs ADD COLUMN slot_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX cucm_runs_slot ON cucm_runs (source_id, slot_at);

-- a device is one source's phone at most (the reconciler only links devices it made): device lists join on it
DROP INDEX cucm_phones_device;
CREATE UNIQUE INDEX cucm_phones_device ON cucm_phones (device_id);
