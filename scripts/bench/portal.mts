// PERF-7 and the portal's PERF-4: the customer portal's case list and case page under 50 requests/s,
// signed in as a partner admin whose related accounts (AccountRelationship) hold 10,000 cases, and
// the first-load JavaScript of both pages. Setup rows are idempotent, so a data set is reused.
import { db, dialect } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { formatNumber } from "@/lib/domain/records/numbering";
import { hashPassword } from "@/lib/server/auth/credentials";
import { BENCH_PASSWORD } from "./dataset.mts";
import { firstLoadJs, load, login } from "./http.mts";
import { firstLoadRow, loadRow, type Row } from "./report.mts";

export const BENCH_PARTNER = "bench.partner@example.com";
const PARTNER_ACCOUNT = formatNumber("account", 1_999_000);
const IN_SCOPE = 10_000;
const PARTNER_ROLES = [ROLE.partner, ROLE.partnerAdmin, ROLE.external];

/** PERF-7's list requests: the first page, a state filter, deep pages, a number and a text search. */
export const PORTAL_LIST_PATHS = [
  "/portal",
  "/portal?state=10",
  "/portal?page=5",
  "/portal?q=CS501",
  "/portal?q=VPN",
  "/portal?state=1&page=3",
  "/portal?page=200",
];

export type PortalBench = { cases: number; accounts: number; numbers: string[] };

/** The customer accounts of the data set, fewest ids first, until they hold IN_SCOPE cases (or all). */
async function customerAccounts(partnerId: number): Promise<{ ids: number[]; cases: number }> {
  const counts = await db().case.groupBy({
    by: ["accountId"],
    where: { account: { isCustomer: true, isPartner: false, id: { not: partnerId } } },
    _count: { _all: true },
    orderBy: { accountId: "asc" },
  });
  const ids: number[] = [];
  let cases = 0;
  for (const c of counts) {
    if (cases >= IN_SCOPE || c.accountId === null) continue;
    ids.push(c.accountId);
    cases += c._count._all;
  }
  return { ids, cases };
}

/** The bench partner account, its related accounts and its partner admin; idempotent. */
export async function preparePortal(log: (m: string) => void): Promise<PortalBench> {
  const p = db();
  const partner = await p.account.upsert({
    where: { number: PARTNER_ACCOUNT },
    update: { isPartner: true, isCustomer: false },
    create: {
      number: PARTNER_ACCOUNT,
      name: "Bench Partner",
      nameKey: "bench partner",
      isPartner: true,
      isCustomer: false,
    },
  });
  const { ids } = await customerAccounts(partner.id);
  const related = new Set(
    (
      await p.accountRelationship.findMany({
        where: { partnerAccountId: partner.id },
        select: { customerAccountId: true },
      })
    ).map((r) => r.customerAccountId),
  );
  const missing = ids.filter((id) => !related.has(id));
  if (missing.length)
    await p.accountRelationship.createMany({
      data: missing.map((customerAccountId) => ({ partnerAccountId: partner.id, customerAccountId })),
    });
  // Planner statistics for the new rows (PostgreSQL's autovacuum would catch up later).
  await p.$executeRawUnsafe(`ANALYZE "AccountRelationship"`);
  const user = await p.user.upsert({
    where: { email: BENCH_PARTNER },
    update: { kind: "contact", accountId: partner.id, active: true },
    create: {
      email: BENCH_PARTNER,
      name: "Bench Partner Admin",
      kind: "contact",
      accountId: partner.id,
      passwordHash: await hashPassword(BENCH_PASSWORD),
    },
  });
  for (const role of PARTNER_ROLES)
    await p.userRole.upsert({
      where: { userId_role: { userId: user.id, role } },
      create: { userId: user.id, role },
      update: {},
    });
  // Counted as the portal scopes them: every related account, and the partner's own account.
  const accountIds = [...new Set([...related, ...missing, partner.id])];
  const scope = { accountId: { in: accountIds } };
  const cases = await p.case.count({ where: scope });
  const all = (await p.case.findMany({ where: scope, select: { number: true }, orderBy: { id: "asc" } })).map(
    (c) => c.number,
  );
  const numbers = Array.from(
    { length: Math.min(200, all.length) },
    (_, i) => all[Math.floor((i * all.length) / 200)],
  );
  log(`portal: ${accountIds.length - 1} related accounts hold ${cases} cases (${dialect()})`);
  return { cases, accounts: accountIds.length - 1, numbers };
}

/** PERF-7 and PERF-4 on a running production server. */
export async function portalMetrics(
  base: string,
  bench: PortalBench,
  seconds: number,
  log: (m: string) => void,
) {
  if (!bench.numbers.length) throw new Error("the bench partner has no cases in scope");
  const cookie = await login(base, BENCH_PARTNER, BENCH_PASSWORD);
  const casePaths = bench.numbers.map((n) => `/portal/cases/${n}`);
  await load(base, cookie, [...PORTAL_LIST_PATHS, ...casePaths.slice(0, 40)], 25, 8); // warm up (JIT, caches)
  const list = await load(base, cookie, PORTAL_LIST_PATHS, 50, seconds);
  log(`portal case list: ${JSON.stringify(list)}`);
  const page = await load(base, cookie, casePaths, 50, seconds);
  log(`portal case page: ${JSON.stringify(page)}`);
  const scope =
    `${bench.cases} cases in scope (${bench.accounts} related accounts)` +
    (bench.cases < IN_SCOPE ? `; fewer than PERF-7's ${IN_SCOPE}: the data set holds no more` : "");
  const rows: Row[] = [
    loadRow("PERF-7 portal case list p95", list, 150, scope),
    loadRow("PERF-7 portal case page p95", page, 150, scope),
  ];
  for (const [what, path] of [
    ["list", "/portal"],
    ["case page", casePaths[casePaths.length - 1]],
  ]) {
    const js = await firstLoadJs(base, cookie, path);
    rows.push(firstLoadRow(`PERF-4 portal ${what} first-load JS (gzip)`, js, 150));
  }
  return rows;
}
