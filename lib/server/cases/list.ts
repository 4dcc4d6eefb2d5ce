import "server-only";
import { db, type Prisma } from "@/lib/db";
import { canReadCases, type Actor } from "@/lib/domain/auth/roles";
import { forbidden } from "@/lib/domain/errors";
import { caseListSchema, type CaseListParams } from "@/lib/domain/cases/schemas";
import { OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { containsText, startsWithText } from "../text-search";

export const CASE_PAGE_SIZE = 50;

type Where = Prisma.CaseWhereInput;
type Order = Prisma.CaseOrderByWithRelationInput;

const SORTS: Record<string, Order> = {
  number: { number: "asc" },
  updated: { updatedAt: "asc" },
  priority: { priority: "asc" },
  state: { state: "asc" },
  short_description: { shortDescription: "asc" },
};

function orderFor(sort = "-updated"): Order[] {
  const desc = sort.startsWith("-");
  const key = desc ? sort.slice(1) : sort;
  const [[field]] = Object.entries(SORTS[key] ?? SORTS.updated);
  const dir = desc ? "desc" : "asc";
  return [{ [field]: dir } as Order, { id: dir }];
}

export function caseListWhere(actor: Actor, p: CaseListParams): Where {
  const and: Where[] = [];
  if (p.state === "open") and.push({ state: { in: OPEN_CASE_STATES } });
  else if (p.state && p.state !== "all") and.push({ state: Number(p.state) });
  if (p.priority) and.push({ priority: p.priority });
  if (p.account) and.push({ accountId: p.account });
  if (p.assignedTo === "me") and.push({ assignedToId: actor.id });
  else if (p.assignedTo === "none") and.push({ assignedToId: null });
  else if (typeof p.assignedTo === "number") and.push({ assignedToId: p.assignedTo });
  if (p.q) {
    const q = p.q;
    and.push(/^CS\d+$/i.test(q) ? { number: startsWithText(q.toUpperCase()) } : { OR: [{ number: containsText(q) }, { shortDescription: containsText(q) }] });
  }
  return and.length ? { AND: and } : {};
}

/** The case list: filtered, sorted, paged; two queries whatever the table size (PERF-1). */
export async function listCases(actor: Actor, raw: Record<string, string | undefined>) {
  if (!canReadCases(actor)) throw forbidden();
  const params = caseListSchema.parse(raw);
  const page = params.page ?? 1;
  const where = caseListWhere(actor, params);
  const [rows, total] = await Promise.all([
    db().case.findMany({
      where,
      orderBy: orderFor(params.sort),
      skip: (page - 1) * CASE_PAGE_SIZE,
      take: CASE_PAGE_SIZE,
      select: {
        id: true, number: true, shortDescription: true, state: true, priority: true, updatedAt: true, majorCaseState: true,
        account: { select: { name: true } },
        contact: { select: { name: true } },
        consumer: { select: { name: true } },
        assignedTo: { select: { name: true } },
      },
    }),
    db().case.count({ where }),
  ]);
  return { rows, total, page, pageSize: CASE_PAGE_SIZE, params };
}
