import "server-only";
import { db, Prisma } from "@/lib/db";
import { canReadCases, type Actor } from "@/lib/domain/auth/roles";
import { forbidden } from "@/lib/domain/errors";
import { caseListSchema, type CaseListParams } from "@/lib/domain/cases/schemas";
import { OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { containsAny, likeSql, num, whereAll } from "../sql";

export const CASE_PAGE_SIZE = 50;
/**
 * Lists count matches up to this many, then say "10,000+": an exact count of 100,000 rows is a
 * full scan. A text search scans rows to test them, so it stops counting sooner.
 */
export const COUNT_CAP = 10_000;
export const TEXT_COUNT_CAP = 1_000;

const SORT_COLUMNS: Record<string, string> = {
  number: `c."number"`,
  updated: `c."updatedAt"`,
  priority: `c."priority"`,
  state: `c."state"`,
  short_description: `c."shortDescription"`,
  // WRK-4: every column sorts; a name sorts by the referenced record's name.
  account: `(SELECT a."name" FROM "Account" a WHERE a."id" = c."accountId")`,
  contact:
    `COALESCE((SELECT u."name" FROM "User" u WHERE u."id" = c."contactId"),` +
    ` (SELECT u."name" FROM "User" u WHERE u."id" = c."consumerId"))`,
  assigned_to: `(SELECT u."name" FROM "User" u WHERE u."id" = c."assignedToId")`,
  group: `(SELECT g."name" FROM "Group" g WHERE g."id" = c."assignmentGroupId")`,
};

function orderSql(sort = "-updated"): Prisma.Sql {
  const desc = sort.startsWith("-");
  const column = SORT_COLUMNS[desc ? sort.slice(1) : sort] ?? SORT_COLUMNS.updated;
  const dir = desc ? "DESC" : "ASC";
  return Prisma.raw(`ORDER BY ${column} ${dir}, c."id" ${dir}`);
}

export function caseListWhere(actor: Actor, p: CaseListParams): Prisma.Sql {
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
  const myGroups = Prisma.sql`(SELECT gm."groupId" FROM "GroupMember" gm WHERE gm."userId" = ${actor.id})`;
  if (p.group === "mine") parts.push(Prisma.sql`c."assignmentGroupId" IN ${myGroups}`);
  else if (p.group === "none") parts.push(Prisma.sql`c."assignmentGroupId" IS NULL`);
  else if (typeof p.group === "number") parts.push(Prisma.sql`c."assignmentGroupId" = ${p.group}`);
  if (p.queue === "mine")
    parts.push(
      Prisma.sql`(c."assignedToId" = ${actor.id}
        OR (c."assignedToId" IS NULL AND c."assignmentGroupId" IN ${myGroups}))`,
    );
  // Few cases carry the mark: the filter names them through its own index first (a plain IS NOT
  // NULL let SQLite walk every open case to count the marked ones — 50 ms at 100,000 cases).
  if (p.replied === "1")
    parts.push(Prisma.sql`c."id" IN (SELECT r."id" FROM "Case" r WHERE r."customerRepliedAt" IS NOT NULL)`);
  if (p.proactive === "1") parts.push(Prisma.sql`c."proactive" = ${true}`);
  else if (p.proactive === "0") parts.push(Prisma.sql`c."proactive" = ${false}`);
  if (p.q) {
    parts.push(
      /^CS\d+$/i.test(p.q)
        ? likeSql(Prisma.sql`c."number"`, "startsWith", p.q.toUpperCase())
        : containsAny([Prisma.sql`c."number"`, Prisma.sql`c."shortDescription"`], p.q),
    );
  }
  return whereAll(parts);
}

type RawRow = {
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
};

/**
 * The case list: filtered, sorted, paged (PERF-1). Two statements whatever the table size —
 * the page with its names looked up per row (scalar subqueries: PostgreSQL plans those in a
 * fraction of the time a 5-way join takes), and a count that stops at the cap — each walking
 * an index in list order.
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
  const where = caseListWhere(actor, params);
  const cap = countCap ?? (params.q ? TEXT_COUNT_CAP : COUNT_CAP);
  const [rows, [{ n }]] = await Promise.all([
    db().$queryRaw<RawRow[]>`
      SELECT c."id", c."number", c."shortDescription", c."state", c."priority", c."updatedAt", c."majorCaseState",
        c."proactive", c."customerRepliedAt", c."version",
        (SELECT a."name" FROM "Account" a WHERE a."id" = c."accountId") AS "accountName",
        (SELECT u."name" FROM "User" u WHERE u."id" = c."contactId") AS "contactName",
        (SELECT u."name" FROM "User" u WHERE u."id" = c."consumerId") AS "consumerName",
        (SELECT u."name" FROM "User" u WHERE u."id" = c."assignedToId") AS "assignedToName",
        (SELECT g."name" FROM "Group" g WHERE g."id" = c."assignmentGroupId") AS "groupName"
      FROM "Case" c
      ${where} ${orderSql(params.sort)}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db().$queryRaw<
      { n: unknown }[]
    >`SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "Case" c ${where} LIMIT ${cap + 1}) t`,
  ]);
  const total = num(n);
  return {
    rows: rows.map((r) => ({
      id: num(r.id),
      /** WRK-4: the bulk actions send the version the list showed (REC-6). */
      version: num(r.version),
      number: r.number,
      shortDescription: r.shortDescription,
      state: num(r.state),
      priority: num(r.priority),
      updatedAt: new Date(r.updatedAt),
      majorCaseState: r.majorCaseState,
      proactive: !!r.proactive,
      account: r.accountName ? { name: r.accountName } : null,
      contact: r.contactName ? { name: r.contactName } : null,
      consumer: r.consumerName ? { name: r.consumerName } : null,
      assignedTo: r.assignedToName ? { name: r.assignedToName } : null,
      assignmentGroup: r.groupName ? { name: r.groupName } : null,
      customerReplied: r.customerRepliedAt !== null,
    })),
    total: Math.min(total, cap),
    totalCapped: total > cap,
    page,
    pageSize,
    params,
  };
}

/** How many cases a list filter matches, up to `cap` + 1 (WRK-2's navigation counts): one statement. */
export async function countCases(actor: Actor, raw: Record<string, string | undefined>, cap = 99) {
  if (!canReadCases(actor)) throw forbidden();
  const where = caseListWhere(actor, caseListSchema.parse(raw));
  const [{ n }] = await db().$queryRaw<
    { n: unknown }[]
  >`SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "Case" c ${where} LIMIT ${cap + 1}) t`;
  return num(n);
}
