import { describe, expect, it } from "vitest";
import { dialect, postgresPool } from "@/lib/db";
import { makeAccount, makeAgent, makeCase } from "@/lib/testing/fixtures";
import { listCases } from "./list";

describe("case list read", () => {
  it("PERF-1 / PERF-8: the total comes with the page's rows, also past the last row, and stops at the cap", async () => {
    const agent = await makeAgent();
    const account = await makeAccount();
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await makeCase(agent, { accountId: account.id }));
    const list = (page: number, cap?: number) =>
      listCases(agent, { account: String(account.id), page: String(page) }, 2, cap);

    const first = await list(1);
    expect(first.rows).toHaveLength(2);
    expect(first).toMatchObject({ total: 3, totalCapped: false, page: 1, pageSize: 2 });
    const second = await list(2);
    expect(second.rows.map((r) => r.number)).toHaveLength(1);
    expect(second.total).toBe(3);
    // Every case of the account once, across the pages.
    expect([...first.rows, ...second.rows].map((r) => r.number).sort()).toEqual(
      made.map((c) => c.number).sort(),
    );
    // Past the last row: no rows to carry the count, so it is counted on its own.
    expect(await list(5)).toMatchObject({ rows: [], total: 3, totalCapped: false });
    // The count stops at the cap ("2+").
    expect(await list(1, 2)).toMatchObject({ total: 2, totalCapped: true });
    expect(await list(4, 2)).toMatchObject({ rows: [], total: 2, totalCapped: true });
    // Nothing matches: no rows and a total of 0.
    const none = await listCases(agent, { account: String(account.id), q: "no case says this" });
    expect(none).toMatchObject({ rows: [], total: 0, totalCapped: false });
  });

  it("WRK-4: sorted by number, both ways, the pages follow the numbers (unique: no tie-breaker needed)", async () => {
    const agent = await makeAgent();
    const account = await makeAccount();
    const numbers: string[] = [];
    for (let i = 0; i < 5; i++) numbers.push((await makeCase(agent, { accountId: account.id })).number);
    const pages = async (sort: string) => {
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const list = await listCases(agent, { account: String(account.id), sort, page: String(page) }, 2);
        seen.push(...list.rows.map((r) => r.number));
      }
      return seen;
    };
    const ascending = [...numbers].sort();
    expect(await pages("number")).toEqual(ascending);
    expect(await pages("-number")).toEqual([...ascending].reverse());
  });

  it.runIf(dialect() === "postgresql")(
    "PERF-8: the first page of the case list is planned once per connection, not on every request",
    async () => {
      const agent = await makeAgent();
      await makeCase(agent);
      // Run one after another, each statement takes the connection the last one gave back (the
      // pool hands out the most recently released), so the check below sees this one's session.
      for (let i = 0; i < 3; i++) expect((await listCases(agent, {})).rows.length).toBeGreaterThan(0);
      const { rows } = await postgresPool()!.query<{ generic_plans: string; custom_plans: string }>(
        `SELECT generic_plans, custom_plans FROM pg_prepared_statements
          WHERE statement LIKE '%AS "total"%' AND statement NOT LIKE '%$1%'`,
      );
      // The unfiltered first page has no parameters left (its LIMITs written in, no OFFSET), so
      // PostgreSQL keeps one plan for it; sent as parameters, it planned the statement each time.
      expect(rows).toHaveLength(1);
      expect(Number(rows[0].generic_plans)).toBeGreaterThanOrEqual(3);
      expect(Number(rows[0].custom_plans)).toBe(0);
    },
  );
});
