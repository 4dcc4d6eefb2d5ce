-- SYNC-4: PostgreSQL's journal trigger now locks a statement's cases major cases first (see the
-- PostgreSQL migration of the same name). SQLite takes no row locks (one write transaction at a
-- time): nothing to change.
SELECT 1;
