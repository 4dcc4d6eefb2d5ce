-- Reference data every Caseflow database starts with (hand-written; identical for SQLite and PostgreSQL).
-- INC-5: the Priority Data Lookup (dl_u_priority), the standard 3×3 impact × urgency matrix.
INSERT INTO "PriorityLookup" ("impact", "urgency", "priority", "order", "version") VALUES
  (1, 1, 1, 100, 1), (1, 2, 2, 200, 1), (1, 3, 3, 300, 1),
  (2, 1, 2, 400, 1), (2, 2, 3, 500, 1), (2, 3, 4, 600, 1),
  (3, 1, 3, 700, 1), (3, 2, 4, 800, 1), (3, 3, 5, 900, 1);
