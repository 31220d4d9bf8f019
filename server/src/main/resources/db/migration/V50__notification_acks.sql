-- Acknowledgements of notifications: at most one per item (the primary key makes a token one-time).
-- The item's other delivery states are the item's own timestamps: queued_at, started_at (sent), finished_at with
-- success (accepted).
CREATE TABLE notification_acks (
    item_id      BIGINT       PRIMARY KEY REFERENCES job_items (id) ON DELETE CASCADE,
    job_id       BIGINT       NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    device_id    BIGINT,
    acked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- softkey (an XSI phone fetched its Acknowledge URL) or prompt (a RoomOS prompt answer)
    via          VARCHAR(10)  NOT NULL,
    from_address VARCHAR(140) NOT NULL,
    CONSTRAINT notification_acks_via_known CHECK (via IN ('softkey', 'prompt'))
);
CREATE INDEX notification_acks_job ON notification_acks (job_id, acked_at);
