-- The readiness trend: one summary per finished readiness audit (a job of action 'readiness'), written once, the
-- first time the trend is read after the job ended, so the trend never walks an old audit's items again.
CREATE TABLE readiness_audits (
    job_id      BIGINT        NOT NULL PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    finished_at TIMESTAMP WITH TIME ZONE,
    total       INTEGER       NOT NULL,
    ready       INTEGER       NOT NULL,
    -- {"UNREACHABLE":3,"CREDENTIALS_REFUSED":1,…}: not-ready devices by reason code (or by outcome when the audit
    -- never ran its checks, e.g. NO_CREDENTIALS, CANCELLED, DEADLINE_EXCEEDED)
    reasons     VARCHAR(4000) NOT NULL
);
