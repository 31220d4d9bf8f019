-- A job's target may list up to 10,000 device ids (JobTarget.MAX_LISTED): as JSON that is up to ~200,000
-- characters, far more than the 4,000 V21 gave (a longer list failed as an internal error instead of being stored).
-- A schedule's runs carry such a target too.
ALTER TABLE jobs ALTER COLUMN target SET DATA TYPE VARCHAR(262144);
ALTER TABLE schedules ALTER COLUMN runs SET DATA TYPE VARCHAR(262144);
