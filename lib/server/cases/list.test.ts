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

  it("WRK-4 / PERF-8: the search finds a piece of a number in any case, a whole number, or words of the short description", async () => {
    const agent = await makeAgent();
    const account = await makeAccount();
    const made = await makeCase(agent, { accountId: account.id, shortDescription: "Printer jams in Lyon" });
    const other = await makeCase(agent, { accountId: account.id, shortDescription: "Mail is slow" });
    const found = async (q: string) =>
      (await listCases(agent, { account: String(account.id), q })).rows.map((r) => r.number).sort();
    const digits = made.number.slice(2);
    expect(await found(`s${digits}`)).toEqual([made.number]);
    expect(await found(digits.slice(-4))).toEqual(
      [made, other]
        .filter((c) => c.number.includes(digits.slice(-4)))
        .map((c) => c.number)
        .sort(),
    );
    expect(await found(made.number.toLowerCase())).toEqual([made.number]);
    expect(await found("jams in")).toEqual([made.number]);
    expect(await found("PRINTER")).toEqual([made.number]);
    expect(await found("c")).toEqual([made.number, other.number].sort());
    expect(await found("VPN")).toEqual([]);
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
    "PERF-8: a list statement sends only its filters and a later page's offset as parameters: its plan is kept",
    async () => {
      const agent = await makeAgent();
      const account = await makeAccount();
      for (let i = 0; i < 4; i++) await makeCase(agent, { accountId: account.id });
      // One after another, each statement takes the connection the last one gave back (the pool
      // hands out the most recently released), so the reads below see this test's session.
      const filter = { account: String(account.id) };
      for (let i = 0; i < 3; i++) expect((await listCases(agent, {})).rows.length).toBeGreaterThan(0);
      expect((await listCases(agent, filter, 3)).rows).toHaveLength(3);
      expect((await listCases(agent, { ...filter, page: "2" }, 3)).rows).toHaveLength(1);
      const { rows } = await postgresPool()!.query<{
        statement: string;
        parameter_types: string;
        generic_plans: string;
        custom_plans: string;
      }>(
        `SELECT statement, parameter_types::text, generic_plans, custom_plans FROM pg_prepared_statements
          WHERE statement LIKE '%AS "total"%'`,
      );
      const kept = (pick: (sql: string) => boolean) => rows.filter((r) => pick(r.statement));
      // The unfiltered first page: no parameter at all (its LIMITs written in, no OFFSET), so one
      // plan from the start. Sent as parameters, the LIMITs had it planned again on every request.
      const unfiltered = kept((sql) => !sql.includes("$1") && /LIMIT 50\s*\)/.test(sql));
      expect(unfiltered).toHaveLength(1);
      expect(unfiltered[0]).toMatchObject({ parameter_types: "{}", custom_plans: "0" });
      expect(Number(unfiltered[0].generic_plans)).toBeGreaterThanOrEqual(3);
      // A filtered page: its filter twice (the rows and the count), and on a later page the offset.
      const ofAccount = kept((sql) => sql.includes('c."accountId" =') && /LIMIT 3\s/.test(sql));
      expect(ofAccount.map((r) => r.parameter_types).sort()).toEqual([
        "{integer,integer,bigint}",
        "{integer,integer}",
      ]);
      expect(ofAccount.every((r) => /LIMIT 10001\s*\)/.test(r.statement))).toBe(true);
    },
  );
});
