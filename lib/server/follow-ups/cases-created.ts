import "server-only";
import type { Tx } from "@/lib/db";
import { startSlasOnCases } from "../sla/timers";
import type { CaseSelection } from "../tables/case-selection";

/** Cases made together in one statement, all in one state and priority (proactive cases, PRO-1). */
export type CasesCreated = {
  tx: Tx;
  cases: CaseSelection;
  state: number;
  priority: number;
  now: Date;
};

/**
 * What follows such a creation in other areas — the batch counterpart of CASE_CREATED_FOLLOW_UPS
 * (./case.ts): named, in order, a few statements whatever the number of cases (PERF-3).
 */
export const CASES_CREATED_FOLLOW_UPS: readonly {
  name: string;
  run: (c: CasesCreated) => Promise<unknown>;
}[] = [
  {
    // NOT-5: every case gets its priority's targets when it is made.
    name: "Start the cases' SLA timers",
    run: (c) => startSlasOnCases(c.tx, c.cases, c, c.now),
  },
];

export async function runCasesCreatedFollowUps(created: CasesCreated) {
  for (const f of CASES_CREATED_FOLLOW_UPS) await f.run(created);
}
