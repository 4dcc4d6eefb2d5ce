import "server-only";
import { Prisma } from "@/lib/db";
import { readSql } from "@/lib/db/read";
import { canReadCases, type Actor } from "@/lib/domain/auth/roles";
import { forbidden } from "@/lib/domain/errors";
import { caseListSchema, type CaseListParams } from "@/lib/domain/cases/schemas";
import { caseStates, OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { countCapFor } from "@/lib/domain/paging";
import { date, limitSql, num, numberOrTextSearch, offsetSql, whereAll } from "@/lib/server/tables/sql";

export const CASE_PAGE_SIZE = 50;

const SORT_COLUMNS: Record<string, string> = {
  number: `c."number"`,
  updated: `c."updatedAt"`,
  priority: `c."priority"`,
  // REC-2: the stored values (1 New, 10 Open, 18 Awaiting Info, 6 Resolved…) sort as the lifecycle
  // runs, in the order of the choice list, not by number.
  state: `CASE c."state" ${caseStates.map((st, i) => `WHEN ${st.value} THEN ${i}`).join(" ")} END`,
  // Text sorts as people read it, whatever the letter case, on both databases (SQLite's binary
  // order put "acme Ltd" after "Zeta"; PostgreSQL's locale did not).
  short_description: `LOWER(c."shortDescription")`,
  // WRK-4: every column sorts; a name sorts by the referenced record's name.
  account: `LOWER((SELECT a."name" FROM "Account" a WHERE a."id" = c."accountId"))`,
  contact:
    `LOWER(COALESCE((SELECT u."name" FROM "User" u WHERE u."id" = c."contactId"),` +
    ` (SELECT u."name" FROM "User" u WHERE u."id" = c."consumerId")))`,
  assigned_to: `LOWER((SELECT u."name" FROM "User" u WHERE u."id" = c."assignedToId"))`,
  group: `LOWER((SELECT g."name" FROM "Group" g WHERE g."id" = c."assignmentGroupId"))`,
  // NOT-5: the earliest due time of the case's running SLAs (indexed); cases without one last.
  sla: `c."slaDueAt"`,
};
/** Columns a case may have no value in: those cases sort last either way. */
const NULLABLE = new Set(["account", "contact", "assigned_to", "group", "sla"].map((k) => SORT_COLUMNS[k]));

export function orderSql(sort = "-updated"): Prisma.Sql {
  const desc = sort.startsWith("-");
  const column = SORT_COLUMNS[desc ? sort.slice(1) : sort] ?? SORT_COLUMNS.updated;
  const dir = desc ? "DESC" : "ASC";
  // Both databases know NULLS LAST (SQLite since 3.30): a case without a running SLA, an account or
  // an assignee sorts last — SQLite put the unassigned first, PostgreSQL last (first descending).
  const nulls = NULLABLE.has(column) ? " NULLS LAST" : "";
  // A case's number is unique: no tie to break, and without the id PostgreSQL reads the page
  // straight off the number's index instead of sorting what it read (page 50: 2,500 rows).
  const tie = column === SORT_COLUMNS.number ? "" : `, c."id" ${dir}`;
  return Prisma.raw(`ORDER BY ${column} ${dir}${nulls}${tie}`);
}

/**
 * WRK-4: the groups the actor belongs to, read first when a filter names "mine", and given to the
 * filter as values. Given a subquery instead, PostgreSQL hashed it and scanned every open case to
 * test each against it (PERF-9 failed: My work p95 2.3 s at 50 requests/s at scale 1); given values
 * it walks Case(assignmentGroupId, updatedAt) for each group.
 */
export async function myGroupIds(
  actor: Actor,
  p: Pick<CaseListParams, "group" | "queue">,
): Promise<number[]> {
  if (p.group !== "mine" && p.queue !== "mine") return [];
  // Raw SQL, like the list itself: no ORM query to compile on every My work request.
  const rows = await readSql<{ groupId: unknown }>(Prisma.sql`
    SELECT "groupId" FROM "GroupMember" WHERE "userId" = ${actor.id}`);
  return rows.map((r) => num(r.groupId));
}

function inGroups(ids: readonly number[]): Prisma.Sql {
  return ids.length ? Prisma.sql`c."assignmentGroupId" IN (${Prisma.join(ids)})` : Prisma.sql`1 = 0`;
}

// WRK-3: the mark calls for an answer; a case no longer open (resolved, closed, cancelled) needs none.
const REPLIED_IDS = Prisma.sql`SELECT r."id" FROM "Case" r WHERE r."customerRepliedAt" IS NOT NULL
  AND r."state" IN (${Prisma.join(OPEN_CASE_STATES)})`;

export function caseListWhere(actor: Actor, p: CaseListParams, groupIds: readonly number[] = []): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (p.state === "open") parts.push(Prisma.sql`c."state" IN (${Prisma.join(OPEN_CASE_STATES)})`);
  else if (p.state && p.state !== "all") parts.push(Prisma.sql`c."state" = ${Number(p.state)}`);
  if (p.priority) parts.push(Prisma.sql`c."priority" = ${p.priority}`);
  if (p.account) parts.push(Prisma.sql`c."accountId" = ${p.account}`);
  if (p.assignedTo === "me") parts.push(Prisma.sql`c."assignedToId" = ${actor.id}`);
  else if (p.assignedTo === "none") parts.push(Prisma.sql`c."assignedToId" IS NULL`);
  else if (typeof p.assignedTo === "number") parts.push(Prisma.sql`c."assignedToId" = ${p.assignedTo}`);
  // WRK-4: the assignment group (one, or any of mine), my queue (mine, or unassigned in my
  // groups), the customer-replied mark (WRK-3), proactive cases (PRO-1).
  if (p.group === "mine") parts.push(inGroups(groupIds));
  else if (p.group === "none") parts.push(Prisma.sql`c."assignmentGroupId" IS NULL`);
  else if (typeof p.group === "number") parts.push(Prisma.sql`c."assignmentGroupId" = ${p.group}`);
  if (p.queue === "mine")
    parts.push(
      Prisma.sql`(c."assignedToId" = ${actor.id}
        OR (c."assignedToId" IS NULL AND ${inGroups(groupIds)}))`,
    );
  // Few cases carry the mark: the filter names them through its own index first (a plain IS NOT
  // NULL let SQLite walk every open case to count the marked ones — 50 ms at 100,000 cases).
  if (p.replied === "1") parts.push(Prisma.sql`c."id" IN (${REPLIED_IDS})`);
  // WRK-2: needs attention — replied, or a running SLA within the warning time the SLA job warns at
  // (lib/server/jobs/sla.ts; working time: slaWarnAt) or past due. Tested on the row, not named through the
  // indexes like "replied": thousands of breached cases outside the queue would all be visited.
  // Only an open case needs attention (as the mark, WRK-3): a closed one keeps its reply time.
  if (p.attention === "1")
    parts.push(Prisma.sql`c."state" IN (${Prisma.join(OPEN_CASE_STATES)}) AND (c."customerRepliedAt" IS NOT NULL
      OR c."slaWarnAt" <= ${new Date()})`);
  if (p.sla) {
    const now = Date.now();
    if (p.sla === "any") parts.push(Prisma.sql`c."slaDueAt" IS NOT NULL`);
    else parts.push(Prisma.sql`c."slaDueAt" <= ${new Date(p.sla === "soon" ? now + 3_600_000 : now)}`);
  }
  if (p.proactive === "1") parts.push(Prisma.sql`c."proactive" = ${true}`);
  else if (p.proactive === "0") parts.push(Prisma.sql`c."proactive" = ${false}`);
  if (p.q) parts.push(numberOrTextSearch("c", "case", p.q));
  return whereAll(parts);
}

/** The columns of "Case" that CASE_ROW_COLUMNS reads, for a query that selects rows first. */
export const LIST_ROW_SOURCE = Prisma.raw(`c."id", c."number", c."shortDescription", c."state", c."priority",
  c."updatedAt", c."majorCaseState", c."proactive", c."customerRepliedAt", c."slaDueAt", c."version", c."accountId",
  c."contactId", c."consumerId", c."assignedToId", c."assignmentGroupId"`);

/** The columns of a list row (names looked up per row by scalar subqueries; see listCases). */
export const CASE_ROW_COLUMNS = Prisma.raw(`c."id", c."number", c."shortDescription", c."state", c."priority",
  c."updatedAt", c."majorCaseState", c."proactive", c."customerRepliedAt", c."slaDueAt", c."version",
  (SELECT a."name" FROM "Account" a WHERE a."id" = c."accountId") AS "accountName",
  (SELECT u."name" FROM "User" u WHERE u."id" = c."contactId") AS "contactName",
  (SELECT u."name" FROM "User" u WHERE u."id" = c."consumerId") AS "consumerName",
  (SELECT u."name" FROM "User" u WHERE u."id" = c."assignedToId") AS "assignedToName",
  (SELECT g."name" FROM "Group" g WHERE g."id" = c."assignmentGroupId") AS "groupName"`);

export type CaseRawRow = {
  id: number;
  version: number;
  number: string;
  shortDescription: string;
  state: number;
  priority: number;
  updatedAt: Date;
  majorCaseState: string;
  proactive: boolean | number;
  accountName: string | null;
  contactName: string | null;
  consumerName: string | null;
  assignedToName: string | null;
  groupName: string | null;
  customerRepliedAt: Date | string | null;
  slaDueAt: Date | string | null;
};

/** A list row as the case table shows it. */
export function caseRow(r: CaseRawRow) {
  return {
    id: num(r.id),
    /** WRK-4: the bulk actions send the version the list showed (REC-6). */
    version: num(r.version),
    number: r.number,
    shortDescription: r.shortDescription,
    state: num(r.state),
    priority: num(r.priority),
    updatedAt: date(r.updatedAt),
    majorCaseState: r.majorCaseState,
    proactive: !!r.proactive,
    account: r.accountName ? { name: r.accountName } : null,
    contact: r.contactName ? { name: r.contactName } : null,
    consumer: r.consumerName ? { name: r.consumerName } : null,
    assignedTo: r.assignedToName ? { name: r.assignedToName } : null,
    assignmentGroup: r.groupName ? { name: r.groupName } : null,
    customerReplied: r.customerRepliedAt !== null && OPEN_CASE_STATES.includes(num(r.state)),
    slaDueAt: r.slaDueAt === null ? null : date(r.slaDueAt),
  };
}

/** `SELECT COUNT(*)` of a filter, stopping at `cap` + 1 rows (an exact count of 100,000 is a full scan). */
export function cappedCountSql(where: Prisma.Sql, cap: number): Prisma.Sql {
  return Prisma.sql`SELECT COUNT(*) FROM (SELECT 1 FROM "Case" c ${where} ${limitSql(cap + 1)}) t`;
}

/**
 * The case list: filtered, sorted, paged (PERF-1). One statement whatever the table size — the
 * page with its names looked up per row (scalar subqueries: PostgreSQL plans those in a fraction
 * of the time a 5-way join takes), each row carrying the count that stops at the cap (computed
 * once: it does not depend on the row) — and a second only for a page past the last row, whose
 * rows cannot carry it. Was two statements every time: one round trip fewer per list (PERF-8).
 */
export async function listCases(
  actor: Actor,
  raw: Record<string, string | undefined>,
  pageSize = CASE_PAGE_SIZE,
  /** Count matches up to this many (My work's sections say "99+"). */
  countCap?: number,
) {
  if (!canReadCases(actor)) throw forbidden();
  const params = caseListSchema.parse(raw);
  const page = params.page ?? 1;
  const where = caseListWhere(actor, params, await myGroupIds(actor, params));
  const cap = countCap ?? countCapFor(params.q, page, pageSize);
  const count = cappedCountSql(where, cap);
  // The page's rows are picked first and their names looked up after: a scalar subquery in the
  // picking query runs for every row the OFFSET skips too (page 50: 5 × 2,500 lookups, 7 ms of
  // PostgreSQL's CPU per request instead of 0.6).
  const rows = await readSql<CaseRawRow & { total: unknown }>(Prisma.sql`
    SELECT ${CASE_ROW_COLUMNS}, (${count}) AS "total"
      FROM (SELECT ${LIST_ROW_SOURCE} FROM "Case" c
        ${where} ${orderSql(params.sort)}
        ${limitSql(pageSize)} ${offsetSql((page - 1) * pageSize)}) c
    ${orderSql(params.sort)}`);
  // A page past the last row has no rows to carry the count: it is counted on its own.
  const n = rows.length
    ? rows[0].total
    : page > 1
      ? (await readSql<{ n: unknown }>(Prisma.sql`SELECT (${count}) AS "n"`))[0].n
      : 0;
  const total = num(n);
  return {
    rows: rows.map(caseRow),
    total: Math.min(total, cap),
    totalCapped: total > cap,
    page,
    pageSize,
    params,
  };
}
