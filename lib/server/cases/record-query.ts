import "server-only";
import { db } from "@/lib/db";
import { refKey, RefRequest, type RefMap } from "../refs";
import type { CaseRow } from "./persist";

// The case form's record with every reference it shows, in two cheap statements (PERF-1):
// the row itself, then every referenced name at once. Prisma's include would issue one query
// per relation (14); a single 14-way join costs PostgreSQL ~20 ms just to plan.

const INT = [
  "id",
  "state",
  "priority",
  "impact",
  "urgency",
  "accountId",
  "contactId",
  "consumerId",
  "assetId",
  "partnerId",
  "partnerContactId",
  "assignmentGroupId",
  "assignedToId",
  "openedById",
  "incidentId",
  "problemId",
  "changeId",
  "causedById",
  "parentId",
  "proposedById",
  "version",
] as const;
const DATE = ["resolvedAt", "closedAt", "createdAt", "updatedAt", "proposedAt", "customerRepliedAt"] as const;

type Raw = Record<string, unknown>;
const int = (v: unknown) => (v === null || v === undefined ? null : Number(v));
/** Raw rows carry dates as Date (PostgreSQL) or as ISO text / epoch milliseconds (SQLite). */
const date = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string | number);

function caseColumns(r: Raw): CaseRow {
  const out: Raw = { ...r };
  for (const k of INT) out[k] = int(r[k]);
  for (const k of DATE) out[k] = date(r[k]);
  out.proactive = Boolean(Number(r.proactive));
  delete out.childCount;
  return out as CaseRow;
}

/** The references a case form shows; the caller may add more ids (audit) before resolving. */
export function caseRefs(c: CaseRow, req = new RefRequest()) {
  req
    .add("account", c.accountId)
    .add("account", c.partnerId)
    .add("asset", c.assetId)
    .add("user", c.contactId)
    .add("user", c.consumerId)
    .add("user", c.partnerContactId)
    .add("user", c.assignedToId)
    .add("user", c.openedById)
    .add("incident", c.incidentId)
    .add("problem", c.problemId)
    .add("change", c.changeId)
    .add("change", c.causedById)
    .add("case", c.parentId);
  return req;
}

export async function loadCaseRow(number: string) {
  const rows = await db().$queryRaw<Raw[]>`
    SELECT c.*, (SELECT COUNT(*) FROM "Case" k WHERE k."parentId" = c."id") AS "childCount"
    FROM "Case" c WHERE c."number" = ${number}`;
  return rows[0] ? { row: caseColumns(rows[0]), childCount: Number(rows[0].childCount) } : null;
}

/** The case with its references filled in from a resolved RefMap. */
export function withReferences(c: CaseRow, refs: RefMap, childCount: number) {
  const named = (kind: "account" | "asset", id: number | null) => {
    const r = id === null ? undefined : refs.get(refKey(kind, id));
    return r ? { id: r.id, number: r.number ?? "", name: r.name ?? "" } : null;
  };
  const person = (id: number | null) => {
    const r = id === null ? undefined : refs.get(refKey("user", id));
    return r ? { id: r.id, name: r.name ?? "", email: r.email ?? "" } : null;
  };
  const itsm = (kind: "incident" | "problem" | "change", id: number | null) => {
    const r = id === null ? undefined : refs.get(refKey(kind, id));
    return r
      ? { id: r.id, number: r.number ?? "", shortDescription: r.name ?? "", state: r.state ?? 0 }
      : null;
  };
  const parent = c.parentId === null ? undefined : refs.get(refKey("case", c.parentId));
  return {
    ...c,
    account: named("account", c.accountId),
    partner: named("account", c.partnerId),
    asset: named("asset", c.assetId),
    contact: person(c.contactId),
    consumer: person(c.consumerId),
    partnerContact: person(c.partnerContactId),
    assignedTo: person(c.assignedToId),
    openedBy: person(c.openedById),
    incident: itsm("incident", c.incidentId),
    problem: itsm("problem", c.problemId),
    change: itsm("change", c.changeId),
    causedBy: itsm("change", c.causedById),
    parent: parent
      ? { id: parent.id, number: parent.number ?? "", shortDescription: parent.name ?? "" }
      : null,
    childCount,
  };
}
export type CaseRecord = ReturnType<typeof withReferences>;
