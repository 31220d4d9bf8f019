-- A discovery run is durable like a job: a run its service left unfinished (killed, stopped) is taken over by the
-- next replica and run again from the beginning, once; resumed says it was. Written once for H2 and PostgreSQL.
ALTER TABLE cucm_runs ADD COLUMN resumed BOOLEAN NOT NULL DEFAULT FALSE;
-- A source's lease now lives as long as its holder replica does (replicas.heartbeat_at, on the database's clock):
-- there is no expiry time of its own, judged on each replica's clock, any more.
ALTER TABLE cucm_sources DROP COLUMN lease_until;
