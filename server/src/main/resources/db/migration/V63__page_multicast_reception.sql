-- Multicast pages (the group and TTL a page streamed to), each phone's own reception statistics as read from its
-- StreamingStatisticsX pages after the page (null when they could not be read; rx_detail says why), and schedules
-- that run a page.
ALTER TABLE pages ADD COLUMN multicast VARCHAR(60);
ALTER TABLE pages ADD COLUMN ttl INTEGER;
ALTER TABLE page_results ADD COLUMN rx_packets BIGINT;
ALTER TABLE page_results ADD COLUMN rx_missed BIGINT;
ALTER TABLE page_results ADD COLUMN rx_lost BIGINT;
ALTER TABLE page_results ADD COLUMN rx_jitter_ms BIGINT;
ALTER TABLE page_results ADD COLUMN rx_max_jitter_ms BIGINT;
ALTER TABLE page_results ADD COLUMN rx_source VARCHAR(40) NOT NULL DEFAULT '';
ALTER TABLE page_results ADD COLUMN rx_detail VARCHAR(300) NOT NULL DEFAULT '';
ALTER TABLE schedule_runs ADD COLUMN page_id BIGINT REFERENCES pages (id) ON DELETE SET NULL;
