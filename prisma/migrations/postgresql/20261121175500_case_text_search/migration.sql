-- Hand-written, PostgreSQL only: trigram indexes so the case list's text search
-- (number or short description contains…, case-insensitive) uses an index instead of testing
-- every row. pg_trgm ships with PostgreSQL and is a trusted extension (no superuser needed).
-- Not expressible in schema.prisma, so `npm run db:migration` never generates or drops these.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS "Case_shortDescription_trgm_idx" ON "Case" USING gin ("shortDescription" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Case_number_trgm_idx" ON "Case" USING gin ("number" gin_trgm_ops);
