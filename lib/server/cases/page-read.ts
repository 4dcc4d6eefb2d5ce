import "server-only";
import { statement, type JsonDialect } from "@/lib/db/json-sql";
import { readDocument } from "@/lib/db/read";
import { REFERENCE_FIELDS } from "@/lib/domain/audit/labels";
import { ASSIGNEE_ROLES } from "@/lib/domain/auth/roles";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { REF_KINDS, type RefKind } from "@/lib/domain/records/refs";
import { TABLE } from "@/lib/domain/records/tables";
import { OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { CHILDREN_SHOWN } from "../major/children";
import { JOURNAL_PAGE } from "../journal/read";
import { AUDIT_PAGE } from "../audit/read";
import { ATTACHMENTS_PAGE } from "@/lib/domain/attachments/rows";
import { SELECT_LIMIT } from "@/lib/domain/pickers/select-limit";
import { CASE_COLUMNS, CASE_TIMES, type CasePageDocument } from "./page-document";

/** The open states as SQL (numbers from the choice list, never input). */
const OPEN = OPEN_CASE_STATES.join(", ");

// PERF-8 / PERF-1: everything the case page shows about one case — the row, every name it
// references, the journal's newest page, the history with its names, requests, child cases, work
// orders, SLA timers, the newest attachments and the options of the fields that depend on the case (its
// account's contacts and assets, its partner's contacts, its group's members) — in ONE statement
// answering one JSON document (lib/db/json-sql.ts). It replaced 14 statements, most through the
// ORM (~1 ms of CPU each); permissions and rules are applied to it in ./view.ts.

type Fields = Record<string, string>;

/** The roles of those who can work cases as an SQL list (constants): only they are assigned one (WRK-1). */
const CASE_ASSIGNEE_ROLE_LIST = ASSIGNEE_ROLES.case.map((r) => `'${r}'`).join(", ");

/** The JSON objects of `from`'s rows (an ordered, bounded FROM … clause) as an array. */
const rows = (d: JsonDialect, fields: Fields, from: string) =>
  d.list(`SELECT ${d.obj(fields)} AS "j" FROM ${from}`);
/** One row's JSON object, or null. */
const one = (d: JsonDialect, fields: Fields, from: string) => d.nest(`SELECT ${d.obj(fields)} FROM ${from}`);

const person = (d: JsonDialect, id: string) =>
  one(d, { id: `u."id"`, name: `u."name"`, email: `u."email"` }, `"User" u WHERE u."id" = ${id}`);
const named = (d: JsonDialect, table: string, id: string) =>
  one(d, { id: `r."id"`, number: `r."number"`, name: `r."name"` }, `"${table}" r WHERE r."id" = ${id}`);
/** A related record; `outcome`: the column that says how it closed (ITSM-4's suggestion reads it). */
const itsm = (d: JsonDialect, table: string, id: string, outcome?: string) =>
  one(
    d,
    {
      id: `r."id"`,
      number: `r."number"`,
      shortDescription: `r."shortDescription"`,
      state: `r."state"`,
      ...(outcome ? { outcome: `r."${outcome}"` } : {}),
    },
    `"${table}" r WHERE r."id" = ${id}`,
  );

/** The name (or number) an audit value of a reference field names; null for other fields. */
function auditRefText(d: JsonDialect, value: string) {
  const byKind = new Map<RefKind, string[]>();
  for (const [field, kind] of Object.entries(REFERENCE_FIELDS))
    byKind.set(kind, [...(byKind.get(kind) ?? []), `'${field}'`]);
  const whens = [...byKind].map(([kind, fields]) => {
    const { table, text } = REF_KINDS[kind]; // where each kind lives, and what names it
    return `WHEN a."field" IN (${fields.join(", ")})
      THEN (SELECT x."${text}" FROM "${table}" x WHERE x."id" = ${d.intOrNull(value)})`;
  });
  return `CASE ${whens.join(" ")} END`;
}

/**
 * A select's options (lib/server/lookup/choices.ts): by name, at most `limit` — by default one past
 * the select's limit, so that the page can tell a full list from a cut one (selectOrTypeahead).
 */
const options = (d: JsonDialect, from: string, limit: number | null = SELECT_LIMIT + 1) =>
  rows(
    d,
    { value: `o."id"`, label: `o."name"` },
    `${from} ORDER BY o."name" ASC, o."id" ASC${limit === null ? "" : ` LIMIT ${limit}`}`,
  );

const CASE_OF = (alias: string) => `${alias}."table" = '${TABLE.case}' AND ${alias}."recordId" = c."id"`;

function lists(d: JsonDialect): Fields {
  const time = d.time;
  return {
    journal: rows(
      d,
      {
        id: `j."id"`, kind: `j."kind"`, body: `j."body"`, authorId: `j."authorId"`, authorName: `j."authorName"`,
        createdAt: time(`j."createdAt"`), sourceTable: `j."sourceTable"`, sourceNumber: `j."sourceNumber"`,
        ruleName: `j."ruleName"`, eventKey: `j."eventKey"`,
      },
      `"JournalEntry" j WHERE ${CASE_OF("j")} ORDER BY j."createdAt" DESC, j."id" DESC LIMIT ${JOURNAL_PAGE}`,
    ),
    // The timeline's size only matters when its first page is full ("Show older").
    journalCount: `(SELECT COUNT(*) FROM (SELECT 1 FROM "JournalEntry" j WHERE ${CASE_OF("j")}
      LIMIT ${JOURNAL_PAGE + 1}) n)`,
    audit: rows(
      d,
      {
        id: `a."id"`, field: `a."field"`, oldValue: `a."oldValue"`, newValue: `a."newValue"`,
        userName: `a."userName"`, createdAt: time(`a."createdAt"`),
        oldRef: auditRefText(d, `a."oldValue"`), newRef: auditRefText(d, `a."newValue"`),
      },
      `"AuditEntry" a WHERE ${CASE_OF("a")} ORDER BY a."createdAt" DESC, a."id" DESC LIMIT ${AUDIT_PAGE}`,
    ),
    requests: rows(
      d,
      {
        id: `r."id"`, number: `r."number"`, shortDescription: `r."shortDescription"`, state: `r."state"`,
        updatedAt: time(`r."updatedAt"`),
        requestedFor: `(SELECT u."name" FROM "User" u WHERE u."id" = r."requestedForId")`,
      },
      `"Request" r WHERE r."caseId" = c."id" ORDER BY r."id" ASC LIMIT 100`,
    ),
    children: rows(
      d,
      {
        id: `k."id"`, number: `k."number"`, shortDescription: `k."shortDescription"`, state: `k."state"`,
        priority: `k."priority"`, account: `(SELECT a."name" FROM "Account" a WHERE a."id" = k."accountId")`,
        // WRK-3: the "Customer replied" mark, as every list shows it (set, on an open case).
        replied: `CASE WHEN k."customerRepliedAt" IS NOT NULL AND k."state" IN (${OPEN}) THEN 1 ELSE 0 END`,
      },
      `"Case" k ${d.indexedBy("Case_parentId_idx")} WHERE k."parentId" = c."id"
        ORDER BY k."number" ASC LIMIT ${CHILDREN_SHOWN}`,
    ),
    workOrders: rows(
      d,
      {
        id: `w."id"`, number: `w."number"`, state: `w."state"`, priority: `w."priority"`,
        shortDescription: `w."shortDescription"`,
      },
      `"WorkOrder" w WHERE w."caseId" = c."id" ORDER BY w."id" ASC LIMIT 100`,
    ),
    slas: rows(
      d,
      {
        id: `s."id"`, kind: `s."kind"`, clock: `s."clock"`, targetMs: `s."targetMs"`, elapsedMs: `s."elapsedMs"`,
        runningSince: time(`s."runningSince"`), dueAt: time(`s."dueAt"`), stoppedAt: time(`s."stoppedAt"`),
        suspendedAt: time(`s."suspendedAt"`),
      },
      `"CaseSla" s WHERE s."caseId" = c."id" ORDER BY s."kind" DESC`,
    ),
    attachments: rows(
      d,
      {
        id: `f."id"`, fileName: `f."fileName"`, contentType: `f."contentType"`, size: `f."size"`,
        internalOnly: d.bool(`f."internalOnly"`), uploadedByName: `f."uploadedByName"`,
        createdAt: time(`f."createdAt"`),
      },
      // The newest page and one more row, which says "Show older" (NOT-4, PERF-1).
      `"Attachment" f WHERE f."caseId" = c."id" ORDER BY f."createdAt" DESC, f."id" DESC
        LIMIT ${ATTACHMENTS_PAGE + 1}`,
    ),
  }; // prettier-ignore
}

function choices(d: JsonDialect): Fields {
  const contactsOf = (account: string) =>
    options(
      d,
      `"User" o ${d.indexedBy("User_accountId_name_id_idx")}
      WHERE o."kind" = 'contact' AND o."accountId" = ${account} AND o."active" = TRUE`,
    );
  return {
    contactOptions: contactsOf(`c."accountId"`),
    assetOptions: options(d, `"Asset" o WHERE o."accountId" = c."accountId"`),
    // The account's partners (a case's Partner follows its Account; lookup `accounts?partnerOf`):
    // the account itself by key, and its relationships' partners by the relationship's index —
    // filtering every account by "is one of those" read the whole Account table on every case
    // page (PERF-1).
    partnerOptions: options(
      d,
      `(SELECT a."id", a."name" FROM "Account" a
          WHERE a."id" = c."accountId" AND a."isPartner" = TRUE AND a."active" = TRUE
        UNION SELECT a."id", a."name" FROM "AccountRelationship" r
          JOIN "Account" a ON a."id" = r."partnerAccountId"
          WHERE r."customerAccountId" = c."accountId" AND a."isPartner" = TRUE AND a."active" = TRUE) o`,
    ),
    partnerContactOptions: contactsOf(`c."partnerId"`),
    memberOptions: options(
      d,
      `"User" o WHERE o."kind" = 'internal' AND o."active" = TRUE
        AND o."id" IN (SELECT m."userId" FROM "GroupMember" m WHERE m."groupId" = c."assignmentGroupId")
        AND EXISTS (SELECT 1 FROM "UserRole" x WHERE x."userId" = o."id" AND x."role" IN (${CASE_ASSIGNEE_ROLE_LIST}))`,
      null,
    ),
  };
}

export const CASE_PAGE = statement((d) => {
  const c = (name: string) => `c."${name}"`;
  const row: Fields = {};
  for (const k of CASE_COLUMNS) row[k] = c(k);
  for (const k of CASE_TIMES) row[k] = d.time(c(k));
  row.proactive = d.bool(c("proactive"));
  const doc = d.obj({
    case: d.obj(row),
    childCount: `(SELECT COUNT(*) FROM "Case" k ${d.indexedBy("Case_parentId_idx")} WHERE k."parentId" = c."id")`,
    account: named(d, "Account", c("accountId")),
    partner: named(d, "Account", c("partnerId")),
    asset: named(d, "Asset", c("assetId")),
    contact: person(d, c("contactId")),
    consumer: person(d, c("consumerId")),
    partnerContact: person(d, c("partnerContactId")),
    assignedTo: person(d, c("assignedToId")),
    openedBy: person(d, c("openedById")),
    incident: itsm(d, "Incident", c("incidentId"), "resolutionCode"),
    problem: itsm(d, "Problem", c("problemId"), "resolutionCode"),
    change: itsm(d, "ChangeRequest", c("changeId"), "closeCode"),
    causedBy: itsm(d, "ChangeRequest", c("causedById")),
    parent: one(
      d,
      { id: `p."id"`, number: `p."number"`, shortDescription: `p."shortDescription"` },
      `"Case" p WHERE p."id" = c."parentId"`,
    ),
    group: one(
      d,
      { id: `g."id"`, name: `g."name"`, active: d.bool(`g."active"`) },
      `"Group" g WHERE g."id" = c."assignmentGroupId"`,
    ),
    ...lists(d),
    slaHours: one(
      d,
      {
        days: `h."days"`,
        startMinute: `h."startMinute"`,
        endMinute: `h."endMinute"`,
        timeZone: `h."timeZone"`,
      },
      `"SlaHours" h WHERE h."id" = 1`,
    ),
    ...choices(d),
    attachmentMaxMb: `(SELECT p."value" FROM "SystemProperty" p WHERE p."name" = '${PROPERTY.attachmentMaxMb}')`,
  });
  return `SELECT ${doc} AS "doc" FROM "Case" c WHERE c."number" = ${d.p(1)}`;
});

/** The case page's document for a case number, or null when there is no such case. */
export function readCasePage(number: string): Promise<CasePageDocument | null> {
  return readDocument<CasePageDocument>(CASE_PAGE, [number]);
}
