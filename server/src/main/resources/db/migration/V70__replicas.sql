-- Service processes sharing this database (issue 13). A replica is alive while it heartbeats (heartbeat_at, the
-- database's own clock) and has not stopped; job items in flight name the replica that claimed them (claimed_by),
-- so a replica whose heartbeat is older than the lease loses its claims to whichever replica looks next.
CREATE TABLE replicas (
    id           VARCHAR(100) NOT NULL PRIMARY KEY,
    host         VARCHAR(255) NOT NULL,
    pid          BIGINT       NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX replicas_heartbeat ON replicas (heartbeat_at);

-- Jobs no longer run as db-scheduler tasks (every replica's worker takes them up from the jobs table): the task
-- instances an older version left would only be reported as unresolved by the notifications' scheduler.
DELETE FROM scheduled_tasks WHERE task_name = 'phonectl-job';
