-- A number that every replica moves after each of its writes that kept answers may depend on (db.Writes): on
-- PostgreSQL a replica keeps a devices page or a token's row (db.ReadCache) until the number has moved, so a write
-- committed by any replica is read at once by all. A sequence: moving it takes no lock and is seen by every session
-- at once. On H2 one process holds the file and counts in memory: the sequence is there and unused.
CREATE SEQUENCE write_mark;
