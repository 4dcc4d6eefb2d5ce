// A fixture for the NOT-5 tests: the SLA targets a test file runs with, set before its tests and
// cleared after them (earlier files of the worker may have saved others).
import { afterAll, beforeAll } from "vitest";
import { db } from "@/lib/db";

type Target = {
  priority: number;
  responseMinutes: number | null;
  resolutionMinutes: number | null;
  clock: string;
};

/** Registers the file's (or describe block's) beforeAll and afterAll for these targets. */
export function withSlaTargets(targets: readonly Target[]) {
  beforeAll(async () => {
    await db().slaTarget.deleteMany();
    await db().slaTarget.createMany({ data: [...targets] });
  });
  afterAll(async () => {
    await db().slaTarget.deleteMany();
  });
}
