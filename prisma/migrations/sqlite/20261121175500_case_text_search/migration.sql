-- No-op on SQLite: the PostgreSQL twin of this migration adds trigram indexes for text search.
-- SQLite's LIKE scan over 100,000 short descriptions stays within a few milliseconds.
SELECT 1;
