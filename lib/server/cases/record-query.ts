import "server-only";
import { db } from "@/lib/db";
import type { CaseRow } from "./persist";

// The case form's record with every reference it shows, in one statement (PERF-1): Prisma would
// issue one query per relation (14 here), and each costs about as much as this whole join.

const INT = ["id", "state", "priority", "impact", "urgency", "accountId", "contactId", "consumerId", "assetId", "partnerId", "partnerContactId",
  "assignedToId", "openedById", "incidentId", "problemId", "changeId", "causedById", "parentId", "proposedById", "version"] as const;
const DATE = ["resolvedAt", "closedAt", "createdAt", "updatedAt", "proposedAt"] as const;

type Raw = Record<string, unknown>;
const int = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function caseColumns(r: Raw): CaseRow {
  const out: Raw = { ...r };
  for (const k of INT) out[k] = int(r[k]);
  for (const k of DATE) out[k] = date(r[k]);
  out.proactive = Boolean(Number(r.proactive));
  return out as CaseRow;
}

const ref = (r: Raw, p: string) => (r[`${p}_id`] == null ? null : { id: Number(r[`${p}_id`]), number: str(r[`${p}_number`])!, name: str(r[`${p}_name`])! });
const person = (r: Raw, p: string) => (r[`${p}_id`] == null ? null : { id: Number(r[`${p}_id`]), name: str(r[`${p}_name`])!, email: str(r[`${p}_email`])! });
const itsm = (r: Raw, p: string) =>
  r[`${p}_id`] == null ? null : { id: Number(r[`${p}_id`]), number: str(r[`${p}_number`])!, shortDescription: str(r[`${p}_sd`])!, state: Number(r[`${p}_state`]) };

export async function loadCaseRecord(number: string) {
  const rows = await db().$queryRaw<Raw[]>`
    SELECT c.*,
      a."id" AS "account_id", a."number" AS "account_number", a."name" AS "account_name",
      pa."id" AS "partner_id", pa."number" AS "partner_number", pa."name" AS "partner_name",
      s."id" AS "asset_id", s."number" AS "asset_number", s."name" AS "asset_name",
      ct."id" AS "contact_id", ct."name" AS "contact_name", ct."email" AS "contact_email",
      cs."id" AS "consumer_id", cs."name" AS "consumer_name", cs."email" AS "consumer_email",
      pc."id" AS "partnerContact_id", pc."name" AS "partnerContact_name", pc."email" AS "partnerContact_email",
      at."id" AS "assignedTo_id", at."name" AS "assignedTo_name", at."email" AS "assignedTo_email",
      ob."id" AS "openedBy_id", ob."name" AS "openedBy_name", ob."email" AS "openedBy_email",
      i."id" AS "incident_id", i."number" AS "incident_number", i."shortDescription" AS "incident_sd", i."state" AS "incident_state",
      pr."id" AS "problem_id", pr."number" AS "problem_number", pr."shortDescription" AS "problem_sd", pr."state" AS "problem_state",
      ch."id" AS "change_id", ch."number" AS "change_number", ch."shortDescription" AS "change_sd", ch."state" AS "change_state",
      cb."id" AS "causedBy_id", cb."number" AS "causedBy_number", cb."shortDescription" AS "causedBy_sd", cb."state" AS "causedBy_state",
      par."id" AS "parent_id", par."number" AS "parent_number", par."shortDescription" AS "parent_sd",
      (SELECT COUNT(*) FROM "Case" k WHERE k."parentId" = c."id") AS "childCount"
    FROM "Case" c
    LEFT JOIN "Account" a ON a."id" = c."accountId"
    LEFT JOIN "Account" pa ON pa."id" = c."partnerId"
    LEFT JOIN "Asset" s ON s."id" = c."assetId"
    LEFT JOIN "User" ct ON ct."id" = c."contactId"
    LEFT JOIN "User" cs ON cs."id" = c."consumerId"
    LEFT JOIN "User" pc ON pc."id" = c."partnerContactId"
    LEFT JOIN "User" at ON at."id" = c."assignedToId"
    LEFT JOIN "User" ob ON ob."id" = c."openedById"
    LEFT JOIN "Incident" i ON i."id" = c."incidentId"
    LEFT JOIN "Problem" pr ON pr."id" = c."problemId"
    LEFT JOIN "ChangeRequest" ch ON ch."id" = c."changeId"
    LEFT JOIN "ChangeRequest" cb ON cb."id" = c."causedById"
    LEFT JOIN "Case" par ON par."id" = c."parentId"
    WHERE c."number" = ${number}`;
  const r = rows[0];
  if (!r) return null;
  const caseOnly = Object.fromEntries(Object.entries(r).filter(([k]) => !k.includes("_") && k !== "childCount"));
  return {
    ...caseColumns(caseOnly),
    account: ref(r, "account"),
    partner: ref(r, "partner"),
    asset: ref(r, "asset"),
    contact: person(r, "contact"),
    consumer: person(r, "consumer"),
    partnerContact: person(r, "partnerContact"),
    assignedTo: person(r, "assignedTo"),
    openedBy: person(r, "openedBy"),
    incident: itsm(r, "incident"),
    problem: itsm(r, "problem"),
    change: itsm(r, "change"),
    causedBy: itsm(r, "causedBy"),
    parent: r.parent_id == null ? null : { id: Number(r.parent_id), number: str(r.parent_number)!, shortDescription: str(r.parent_sd)! },
    childCount: Number(r.childCount),
  };
}
export type CaseRecord = NonNullable<Awaited<ReturnType<typeof loadCaseRecord>>>;
