-- Item ids come from the identity sequence in blocks. On H2 each block taken writes the sequence's state with a commit
-- of its own, and with WRITE_DELAY=0 that commit stores every page the creating transaction has changed so far: in
-- H2's default blocks of 32, a 10,000-item job stored the file ~300 times while its items were inserted (JobBench,
-- docs/BENCHMARKS.md, issue 10). H2 takes blocks of 10,000 (a crash skips at most that many ids). On PostgreSQL a
-- cache is per session and buys nothing here (nextval is cheap), so it stays 1 (Database.migrate sets the value).
ALTER TABLE job_items ALTER COLUMN id SET CACHE ${itemIdCache};
