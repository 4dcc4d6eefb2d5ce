// The bench data set of SPEC §13: at scale 1, 100,000 cases, 50,000 incidents, 1,000,000
// journal entries and 5,000 accounts. Written with plain batch inserts; reused across runs.
import { db, dialect } from "@/lib/db";
import { formatNumber } from "@/lib/domain/records/numbering";
import { hashPassword } from "@/lib/server/auth/credentials";
import { ROLE } from "@/lib/domain/auth/roles";

export type Sizes = { accounts: number; cases: number; incidents: number; journal: number };
export const sizesFor = (scale: number): Sizes => ({
  accounts: Math.max(10, Math.round(5_000 * scale)),
  cases: Math.max(100, Math.round(100_000 * scale)),
  incidents: Math.max(50, Math.round(50_000 * scale)),
  journal: Math.max(1_000, Math.round(1_000_000 * scale)),
});

const CHUNK = 2_000;
export const BENCH_PASSWORD = "bench";
export const BENCH_AGENT = "bench.agent@example.com";

async function inChunks<T>(total: number, make: (i: number) => T, write: (rows: T[]) => Promise<unknown>) {
  for (let start = 0; start < total; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, total - start) }, (_, k) => make(start + k));
    await write(rows);
  }
}

const WORDS = [
  "Email",
  "VPN",
  "Printer",
  "Invoice",
  "Portal",
  "Login",
  "Payroll",
  "Network",
  "Laptop",
  "Backup",
  "Report",
  "Licence",
];
const PROBLEMS = [
  "is slow",
  "fails",
  "shows an error",
  "times out",
  "is down",
  "cannot connect",
  "is missing data",
  "needs access",
];
const text = (i: number) =>
  `${WORDS[i % WORDS.length]} ${PROBLEMS[(i * 7) % PROBLEMS.length]} for site ${i % 997}`;

/** True when the database already holds a data set of these sizes. */
export async function hasDataset(s: Sizes) {
  const [cases, journal] = await Promise.all([db().case.count(), db().journalEntry.count()]);
  return cases >= s.cases && journal >= s.journal;
}

const BENCH_ROLES = [ROLE.agent, ROLE.incidentRead, ROLE.incidentWrite, ROLE.itil, ROLE.majorIssueManager];

/** The bench's own user with every role the measured operations need (also on a reused data set). */
export async function ensureBenchUser() {
  const user = await db().user.findUnique({ where: { email: BENCH_AGENT }, select: { id: true } });
  if (!user) return;
  for (const role of BENCH_ROLES) {
    await db().userRole.upsert({
      where: { userId_role: { userId: user.id, role } },
      create: { userId: user.id, role },
      update: {},
    });
  }
}

export async function generateDataset(s: Sizes, log: (m: string) => void) {
  const p = db();
  const t0 = Date.now();
  const hash = await hashPassword(BENCH_PASSWORD);
  const agent = await p.user.upsert({
    where: { email: BENCH_AGENT },
    update: {},
    create: {
      email: BENCH_AGENT,
      name: "Bench Agent",
      passwordHash: hash,
      roles: { create: BENCH_ROLES.map((role) => ({ role })) },
    },
  });
  const now = Date.now();
  await inChunks(
    s.accounts,
    (i) => ({
      number: formatNumber("account", 1_000_000 + i),
      name: `Account ${String(i).padStart(5, "0")}`,
      nameKey: `account ${String(i).padStart(5, "0")}`,
      isPartner: i % 50 === 0,
      isCustomer: i % 50 !== 0,
    }),
    (rows) => p.account.createMany({ data: rows }),
  );
  const accountIds = (await p.account.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(
    (a) => a.id,
  );
  log(`accounts: ${accountIds.length}`);
  await inChunks(
    s.incidents,
    (i) => ({
      number: formatNumber("incident", 5_000_000 + i),
      shortDescription: text(i),
      state: [1, 2, 3, 6, 7][i % 5],
      onHoldReason: i % 5 === 2 ? 4 : null,
      impact: (i % 3) + 1,
      urgency: ((i >> 1) % 3) + 1,
      priority: (i % 5) + 1,
      companyId: accountIds[i % accountIds.length],
      createdAt: new Date(now - i * 60_000),
      updatedAt: new Date(now - i * 30_000),
    }),
    (rows) => p.incident.createMany({ data: rows }),
  );
  const firstIncident = (
    await p.incident.findFirstOrThrow({ where: { number: formatNumber("incident", 5_000_000) } })
  ).id;
  log(`incidents: ${s.incidents}`);
  await inChunks(
    s.cases,
    (i) => ({
      number: formatNumber("case", 5_000_000 + i),
      shortDescription: text(i),
      description: `Generated case ${i}`,
      state: [1, 10, 18, 6, 3, 7][i % 6],
      priority: (i % 4) + 1,
      accountId: accountIds[i % accountIds.length],
      assignedToId: i % 3 === 0 ? agent.id : null,
      incidentId: i % 4 === 0 ? firstIncident + (i % s.incidents) : null,
      openedById: agent.id,
      createdAt: new Date(now - i * 60_000),
      updatedAt: new Date(now - i * 20_000),
    }),
    (rows) => p.case.createMany({ data: rows }),
  );
  const firstCase = (await p.case.findFirstOrThrow({ where: { number: formatNumber("case", 5_000_000) } }))
    .id;
  log(`cases: ${s.cases}`);
  await inChunks(
    s.journal,
    (i) => ({
      table: i % 5 === 0 ? "incident" : "sn_customerservice_case",
      recordId: i % 5 === 0 ? firstIncident + (i % s.incidents) : firstCase + (i % s.cases),
      kind: i % 2 ? "work_notes" : "comments",
      body: `Update ${i}: ${text(i)}`,
      authorId: agent.id,
      authorName: "Bench Agent",
      createdAt: new Date(now - i * 1_000),
    }),
    (rows) => p.journalEntry.createMany({ data: rows }),
  );
  // Fresh bulk loads have no planner statistics (PostgreSQL's autovacuum would catch up later).
  await p.$executeRawUnsafe(dialect() === "postgresql" ? "VACUUM ANALYZE" : "ANALYZE");
  log(`journal entries: ${s.journal} (data set in ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
