-- PRO-2, FSM-1: the default field maps (hand-written; identical for SQLite and PostgreSQL).
-- incident_to_case fills each proactive case; its priority is not mapped: the service derives it
-- from the Priority Data Lookup for the mapped impact and urgency (lib/domain/proactive/plan.ts).
-- The account and contact come from the affected account, not from the map.
INSERT INTO "FieldMap" ("mapName", "sourceField", "constantValue", "targetField", "active", "order", "version") VALUES
  ('incident_to_case', 'short_description', NULL, 'short_description', true, 100, 1),
  ('incident_to_case', 'description', NULL, 'description', true, 200, 1),
  ('incident_to_case', 'impact', NULL, 'impact', true, 300, 1),
  ('incident_to_case', 'urgency', NULL, 'urgency', true, 400, 1),
  ('incident_to_case', 'sys_id', NULL, 'incident', true, 500, 1),
  ('incident_to_case', NULL, 'true', 'proactive', true, 600, 1),
  ('incident_to_case', NULL, 'proactive', 'channel', true, 700, 1),
  ('case_to_work_order', 'account', NULL, 'account', true, 100, 1),
  ('case_to_work_order', 'consumer', NULL, 'consumer', true, 200, 1),
  ('case_to_work_order', 'contact', NULL, 'contact', true, 300, 1),
  ('case_to_work_order', 'asset', NULL, 'asset', true, 400, 1),
  ('case_to_work_order', 'partner', NULL, 'partner', true, 500, 1),
  ('case_to_work_order', 'partner_contact', NULL, 'partner_contact', true, 600, 1),
  ('case_to_work_order', 'short_description', NULL, 'short_description', true, 700, 1),
  ('case_to_work_order', 'description', NULL, 'description', true, 800, 1),
  ('case_to_work_order', 'priority', NULL, 'priority', true, 900, 1);
