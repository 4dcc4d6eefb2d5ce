// PERF-1: the case page's options of an account's contacts and assets read an index range in
// name order however the directory's accounts are sized. With an index on (accountId) alone, once
// one account held most contacts (an import of 10,000 into one account, as a big customer's),
// PostgreSQL's estimate for "some account" became most of the table: every case page scanned every
// user and every asset and sorted them — the page's database time tripled for every account.
import { describe, expect, it } from "vitest";
import { db, dialect, transaction } from "@/lib/db";
import { makeAccount, makeAgent, makeCase, makeCustomer } from "@/lib/testing/fixtures";
import { CASE_PAGE } from "./page-read";

const SKEW = 3_000;

async function skewedDirectory() {
  const big = await makeAccount();
  const stamp = Date.now().toString(36);
  await db().user.createMany({
    data: Array.from({ length: SKEW }, (_, i) => ({
      email: `skew-${stamp}-${i}@big.example`,
      name: `Contact ${String(i).padStart(5, "0")}`,
      kind: "contact",
      accountId: big.id,
    })),
  });
  await db().asset.createMany({
    data: Array.from({ length: SKEW }, (_, i) => ({
      number: `ASKEW${stamp}${i}`,
      name: `Laptop ${i % 50}`,
      accountId: big.id,
    })),
  });
  return big;
}

/** The case page's statement's plan for a case number, as text. */
async function planOf(number: string): Promise<string> {
  if (dialect() === "postgresql") {
    await db().$executeRawUnsafe(`ANALYZE "User", "Asset"`);
    const rows = await transaction(async (tx) => {
      // As the app runs it: a prepared statement past its first executions, planned generically.
      await tx.$executeRawUnsafe("SET LOCAL plan_cache_mode = force_generic_plan");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${CASE_PAGE.postgresql}`, number);
    });
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  }
  // No ANALYZE here: SQLite keeps its statistics in the worker's database, shared by the test
  // files after this one, and a directory of one case would mislead their plans (search.test.ts).
  // The contact options name their index (INDEXED BY); the others hold without statistics.
  // The reader binds `@p1` by name; the case number (CS + digits) is a safe literal here.
  const sql = CASE_PAGE.sqlite.replaceAll("@p1", `'${number.replace(/[^A-Z0-9]/g, "")}'`);
  const rows = await db().$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`);
  return rows.map((r) => r.detail).join("\n");
}

describe("the case page's plan (PERF-1)", () => {
  it("PERF-1: with one account holding most contacts and assets, another account's case reads both option lists by index, in name order", async () => {
    const big = await skewedDirectory();
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const small = await makeCase(agent, { accountId: account.id, contactId: contact.id });
    const plan = await planOf(small.number);
    if (dialect() === "postgresql") {
      expect(plan).not.toMatch(/Seq Scan on "User"/);
      expect(plan).not.toMatch(/Seq Scan on "Asset"/);
      // (The Partner options read accounts by key; a test database's few accounts fit one page,
      // which PostgreSQL rightly scans instead — so that is asserted on SQLite.)
      // By an index of the account's rows: in name order, or (when few rows are expected) as a
      // bitmap, then sorted — for assets also through the (accountId, serialKey) unique index, which
      // PostgreSQL took in CI once the worker's database held other tests' assets: as bounded.
      expect(plan).toMatch(/"User_accountId_name_id_idx"/);
      expect(plan).toMatch(/"Asset_accountId_(name_id_idx|serialKey_key)"/);
    } else {
      expect(plan).toMatch(/SEARCH o USING INDEX User_accountId_name_id_idx \(accountId=\?\)/);
      expect(plan).toMatch(/SEARCH o USING (COVERING )?INDEX Asset_accountId_name_id_idx \(accountId=\?\)/);
      // Nor every account for the Partner options (SCAN o: the few rows of their union).
      expect(plan).not.toMatch(/SCAN (a|o USING INDEX Account_name_idx)\b/);
      expect(plan).toMatch(/SEARCH a USING INTEGER PRIMARY KEY[^]*SEARCH r USING INDEX AccountRelationship/);
    }
    // And the big account's own case lists its first 201 by name, not all 3,000.
    const own = await makeCase(agent, { accountId: big.id });
    const doc = await import("./page-read").then((m) => m.readCasePage(own.number));
    expect(doc!.contactOptions).toHaveLength(201);
    expect(doc!.contactOptions[0].label).toBe("Contact 00000");
    expect(doc!.assetOptions).toHaveLength(201);
  });
});
