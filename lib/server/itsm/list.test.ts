import { describe, expect, it } from "vitest";
import { makeItil } from "@/lib/testing/fixtures";
import { listItsm } from "./read";
import { PROBLEM } from "./specs";

describe("ITSM lists (REL-1)", () => {
  it("REL-1: /problems?page=1e300 answers the deepest page (empty), not a database error", async () => {
    const itil = await makeItil();
    const list = await listItsm(PROBLEM, itil, { page: 1e300 });
    expect(list.page).toBe(100_000);
    expect(list.rows).toEqual([]);
  });
});
