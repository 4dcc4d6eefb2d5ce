// PERF-9 My work: an agent in a group whose queue holds 10,000 open, unassigned cases (some marked
// "Customer replied") opens /my-work and polls /api/my-work, each at 50 requests/s. The setup is
// idempotent: the group and its cases are made once per data set.
import { db, Prisma } from "@/lib/db";
import { groupNameKey } from "@/lib/domain/assignment/schemas";
import { OPEN_CASE_STATES } from "@/lib/domain/records/choices";
import { SLA_WARNING_MS } from "@/lib/domain/sla/timer";
import { BENCH_AGENT } from "./dataset.mts";
import { load } from "./http.mts";
import { loadRow, type Row } from "./report.mts";

const QUEUE = 10_000;
const NAME = "Bench Queue";

/** The bench agent's group and its queue of open cases; returns how many cases the queue holds. */
export async function prepareMyWork(log: (m: string) => void): Promise<number> {
  const p = db();
  const agent = await p.user.findUniqueOrThrow({ where: { email: BENCH_AGENT }, select: { id: true } });
  const group = await p.group.upsert({
    where: { nameKey: groupNameKey(NAME) },
    update: {},
    create: { name: NAME, nameKey: groupNameKey(NAME) },
  });
  await p.groupMember.upsert({
    where: { groupId_userId: { groupId: group.id, userId: agent.id } },
    update: {},
    create: { groupId: group.id, userId: agent.id },
  });
  const have = await p.case.count({ where: { assignmentGroupId: group.id } });
  if (have < QUEUE) {
    const open = Prisma.join(OPEN_CASE_STATES);
    await p.$executeRaw`
      UPDATE "Case" SET "assignmentGroupId" = ${group.id}, "assignedToId" = NULL
      WHERE "id" IN (SELECT "id" FROM "Case" WHERE "state" IN (${open}) AND "assignmentGroupId" IS NULL
        ORDER BY "id" LIMIT ${QUEUE - have})`;
    // One in fifty waits on the agent: Needs attention has rows to find.
    await p.$executeRaw`
      UPDATE "Case" SET "customerRepliedAt" = ${new Date()}
      WHERE "assignmentGroupId" = ${group.id} AND "id" % 50 = 0`;
  }
  // NOT-5: open cases carry running SLAs across the data set — one in five breached, the rest due
  // later — so Needs attention's SLA part (WRK-2) meets thousands of breached cases outside the queue.
  if (!(await p.case.count({ where: { slaDueAt: { not: null } }, take: 1 }))) {
    const open = Prisma.join(OPEN_CASE_STATES);
    const at = (ms: number) => [new Date(Date.now() + ms), new Date(Date.now() + ms - SLA_WARNING_MS)];
    const [[due, warn], [later, laterWarn]] = [at(-3_600_000), at(8 * 3_600_000)];
    await p.$executeRaw`
      UPDATE "Case" SET "slaDueAt" = ${due}, "slaWarnAt" = ${warn} WHERE "state" IN (${open}) AND "id" % 5 = 0`;
    await p.$executeRaw`
      UPDATE "Case" SET "slaDueAt" = ${later}, "slaWarnAt" = ${laterWarn}
      WHERE "state" IN (${open}) AND "id" % 5 <> 0`;
  }
  const queue = await p.case.count({
    where: { assignmentGroupId: group.id, state: { in: OPEN_CASE_STATES } },
  });
  log(`my work: ${queue} open cases in ${NAME}`);
  return queue;
}

export async function myWorkMetrics(
  base: string,
  cookie: string,
  queue: number,
  seconds: number,
  log: (m: string) => void,
): Promise<Row[]> {
  await load(base, cookie, ["/my-work", "/api/my-work"], 25, 4); // warm up
  const page = await load(base, cookie, ["/my-work"], 50, seconds);
  log(`my work page: ${JSON.stringify(page)}`);
  const counts = await load(base, cookie, ["/api/my-work"], 50, seconds);
  log(`my work counts: ${JSON.stringify(counts)}`);
  return [
    loadRow(`PERF-9 My work p95 @50 rps (queue ${queue.toLocaleString("en")})`, page, 150),
    loadRow("PERF-9 My work counts p95 @50 rps", counts, 150),
  ];
}
