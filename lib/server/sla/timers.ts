import "server-only";
import type { Tx } from "@/lib/db";
import { CaseState } from "@/lib/domain/records/choices";
import {
  scheduleOf,
  targetsFor,
  targetsStartingIn,
  type SlaKind,
  type SlaPolicy,
} from "@/lib/domain/sla/policy";
import {
  isOverdue,
  pauseTimer,
  resumeTimer,
  retargetTimer,
  startTimer,
  stopTimer,
  suspendTimer,
  type SlaTimer,
} from "@/lib/domain/sla/timer";
import { refreshSlaDue } from "../tables/case";
import { insertTimersOnCases } from "../tables/case-sla";
import type { CaseSelection } from "../tables/case-selection";
import { recordDueBreaches } from "./breaches";
import { readSlaPolicy } from "./policy";

type Row = SlaTimer & {
  id: number;
  caseId: number;
  kind: string;
  clock: string;
  breachedAt: Date | null;
};
type CaseFacts = { id: number; state: number; priority: number };

const schedule = (p: SlaPolicy, clock: string) => scheduleOf(clock, p.hours);

/** A timer as stepped, counted in the business hours of `policy` (its version noted: catchUpHoursTimers). */
async function save(tx: Tx, policy: SlaPolicy, id: number, t: SlaTimer & { clock?: string }) {
  await tx.caseSla.update({
    where: { id },
    data: {
      hoursVersion: policy.hoursVersion,
      targetMs: t.targetMs,
      elapsedMs: t.elapsedMs,
      runningSince: t.runningSince,
      dueAt: t.dueAt,
      warnAt: t.warnAt,
      stoppedAt: t.stoppedAt,
      suspendedAt: t.suspendedAt,
      ...(t.clock ? { clock: t.clock } : {}),
      // A timer no longer overdue — its due time moved into the future (resumed, re-targeted), or
      // a higher target while paused — may warn and breach again.
      ...(!t.stoppedAt && !isOverdue(t, new Date()) ? { warnedAt: null, breachedAt: null } : {}),
    },
  });
}

/**
 * The timers a case of this priority starts with in this state, from `now` (a case made Open has no
 * response; one Awaiting Info starts paused): a new case's, a batch's, a new priority's added kinds.
 */
function startingTimers(policy: SlaPolicy, c: Omit<CaseFacts, "id">, now: Date) {
  const paused = c.state === CaseState.AwaitingInfo;
  return targetsStartingIn(policy, c.priority, c.state).map((t) => ({
    kind: t.kind,
    clock: t.clock,
    hoursVersion: policy.hoursVersion,
    ...startTimer(schedule(policy, t.clock), t.ms, now, paused),
  }));
}

/** NOT-5: a new case's timers, from its priority's targets. */
export async function startCaseSlas(tx: Tx, c: CaseFacts, now = new Date()) {
  const timers = startingTimers(await readSlaPolicy(tx), c, now);
  if (!timers.length) return 0;
  await tx.caseSla.createMany({ data: timers.map((t) => ({ caseId: c.id, ...t })) });
  await refreshSlaDue(tx, c.id);
  return timers.length;
}

/** NOT-5 for cases made together in one state and priority (proactive cases, PRO-1): one batch. */
export async function startSlasOnCases(
  tx: Tx,
  cases: CaseSelection,
  facts: { state: number; priority: number },
  now = new Date(),
) {
  const timers = startingTimers(await readSlaPolicy(tx), facts, now);
  await insertTimersOnCases(tx, cases, timers, now);
  return timers.length;
}

/** A Resolved case moved back to work (its resolution resumes). */
const isReopen = (before: CaseFacts, after: CaseFacts) =>
  before.state === CaseState.Resolved && stepFor("resolution", before.state, after.state) === "resume";

/** Which timers a state change stops, pauses or resumes. */
function stepFor(kind: SlaKind, from: number, to: number): "stop" | "pause" | "resume" | null {
  if (to === CaseState.Closed || to === CaseState.Cancelled) return "stop";
  if (to === CaseState.Resolved) return "stop";
  if (kind === "response" && from === CaseState.New && to !== CaseState.New) return "stop"; // Accept
  if (to === CaseState.AwaitingInfo) return "pause";
  if (from === CaseState.AwaitingInfo || (from === CaseState.Resolved && kind === "resolution"))
    return "resume";
  return null;
}

/**
 * NOT-5: after a case change — its state moves the timers (Awaiting Info pauses, Accept stops the
 * response, Resolved stops both, a reopened case resumes its resolution), a new priority re-targets
 * the timers still counting (a kind the new priority has no target for is suspended; one it adds starts),
 * and so does a reopen, to the priority the case has then.
 */
export async function applyCaseSlaChange(tx: Tx, before: CaseFacts, after: CaseFacts, now = new Date()) {
  if (before.state === after.state && before.priority === after.priority) return;
  const rows: Row[] = await tx.caseSla.findMany({ where: { caseId: after.id } });
  // A case without timers gains some only from a new priority — or a reopen, to the one it has then.
  if (!rows.length && before.priority === after.priority && !isReopen(before, after)) return;
  await stepCaseSlas(tx, await readSlaPolicy(tx), rows, before, after, now);
}

/**
 * NOT-5 for the children of a major case that one statement is about to change (MAJ-5: its state or
 * priority copied to them): the same steps as applyCaseSlaChange for each child in `states`, read
 * as they are before that statement. The children's timers come in one statement, joined from the
 * children by their parent (SQLite's planner takes the state index for "parent and state", which
 * walks most cases: the state is checked here); only a new priority also reads the children without
 * timers, which may gain some. Each child with timers is written on its own (its elapsed time counts
 * in its clock's business hours, in code). Returns how many children's timers moved.
 */
export async function applySlaChangeToChildren(
  tx: Tx,
  parentId: number,
  states: readonly number[],
  patch: { state?: number; priority?: number },
  now = new Date(),
): Promise<number> {
  if (patch.state === undefined && patch.priority === undefined) return 0;
  const timers = new Map<number, Row[]>();
  const before = new Map<number, CaseFacts>();
  const rows = await tx.caseSla.findMany({
    where: { case: { parentId } },
    include: { case: { select: { state: true, priority: true } } },
  });
  for (const { case: c, ...r } of rows) {
    if (!states.includes(c.state)) continue;
    timers.set(r.caseId, [...(timers.get(r.caseId) ?? []), r]);
    before.set(r.caseId, { id: r.caseId, ...c });
  }
  if (patch.priority !== undefined)
    for (const c of await tx.case.findMany({
      where: { parentId },
      select: { id: true, state: true, priority: true },
    }))
      if (states.includes(c.state)) before.set(c.id, c);
  let moved = 0;
  for (const b of before.values()) {
    const a = { id: b.id, state: patch.state ?? b.state, priority: patch.priority ?? b.priority };
    const own = timers.get(b.id) ?? [];
    if ((b.state === a.state && b.priority === a.priority) || (!own.length && b.priority === a.priority))
      continue;
    await stepCaseSlas(tx, await readSlaPolicy(tx), own, b, a, now);
    moved++;
  }
  return moved;
}

/** One case's timers stepped for its state change and re-targeted for its new priority. */
async function stepCaseSlas(
  tx: Tx,
  policy: SlaPolicy,
  rows: Row[],
  before: CaseFacts,
  after: CaseFacts,
  now: Date,
) {
  // Breaches the job has not reached yet are recorded as the timers were (a stop or pause takes
  // away the due time it looks for), and again as the change leaves them (a lower target while
  // paused): lib/server/sla/breaches.ts. A timer the change re-targets is judged as it leaves it
  // only: a higher target took away a breach recorded and emailed in the same change.
  const retargets = before.priority !== after.priority || isReopen(before, after);
  const kept = new Set(targetsFor(policy, after.priority).map((t) => t.kind));
  const losesDue = (r: Row) =>
    stepFor(r.kind as SlaKind, before.state, after.state) !== null || !kept.has(r.kind as SlaKind);
  await recordDueBreaches(tx, retargets ? rows.filter(losesDue) : rows, now);
  const stepped: Row[] = [];
  for (const r of rows) {
    const s = schedule(policy, r.clock);
    const step = stepFor(r.kind as SlaKind, before.state, after.state);
    let t: SlaTimer = r;
    if (step === "stop") t = stopTimer(s, t, now);
    else if (step === "pause") t = pauseTimer(s, t, now);
    else if (step === "resume" && !(r.kind === "response" && r.stoppedAt)) t = resumeTimer(s, t, now);
    if (t !== r) await save(tx, policy, r.id, t);
    stepped.push({ ...r, ...t });
  }
  // The timers as just stepped: re-targeting reads them from here, not from the database again.
  // A reopened case's resolution counts to its priority now: one changed while it was Resolved
  // (stopped timers keep their target) would otherwise come back with the old target and clock —
  // or with none, when the old priority had no resolution target.
  const final =
    before.priority !== after.priority || isReopen(before, after)
      ? await retarget(tx, policy, stepped, after, now)
      : stepped;
  await recordDueBreaches(tx, final, now);
  await refreshSlaDue(tx, after.id);
}

/**
 * A kind the new priority has no target for is suspended (counted time and breach kept; deleted, a
 * move to such a priority and back reset the SLA); one it has a target for is re-targeted, and a
 * suspended one counts again from its time so far — at once, or when Awaiting Info ends.
 */
async function retarget(tx: Tx, policy: SlaPolicy, rows: Row[], c: CaseFacts, now: Date) {
  const targets = targetsFor(policy, c.priority);
  const out: Row[] = [];
  for (const r of rows) {
    if (r.stoppedAt) continue;
    const target = targets.find((t) => t.kind === r.kind);
    const s = schedule(policy, r.clock);
    let t: SlaTimer;
    if (!target) t = suspendTimer(s, r, now);
    else if (r.suspendedAt) {
      t = { ...r, targetMs: target.ms, suspendedAt: null };
      if (c.state !== CaseState.AwaitingInfo) t = resumeTimer(schedule(policy, target.clock), t, now);
    } else t = retargetTimer(s, r, target.ms, now, schedule(policy, target.clock));
    const clock = target?.clock ?? r.clock;
    if (t !== r) await save(tx, policy, r.id, { ...t, clock });
    out.push({ ...r, ...t, clock });
  }
  // A kind the new priority adds starts as on a new case in this state: a response only while New.
  const missing = startingTimers(policy, c, now).filter((t) => !rows.some((r) => r.kind === t.kind));
  if (missing.length) await tx.caseSla.createMany({ data: missing.map((t) => ({ caseId: c.id, ...t })) });
  return out;
}
