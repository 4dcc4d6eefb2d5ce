// PERF-1: the statements a page sends to the database do not grow with the data it shows. The e2e
// server counts each request's statements (CASEFLOW_QUERY_LOG, scripts/query-log.mjs); each page is
// measured with 2 rows of everything it lists and again with 30, and the counts must be equal.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type APIRequestContext } from "./support/test";
import { DEMO, signIn } from "./support/auth";
import { db, makeUser } from "./support/db";

const LOG = path.resolve(import.meta.dirname, "../data/e2e/queries.log");

function countFor(marker: string): number | null {
  const line = readFileSync(LOG, "utf8")
    .split("\n")
    .find((l) => l.includes(marker));
  return line ? Number(line.split(" ")[2]) : null;
}

/** The fewest statements of three requests for `url` (a worker's first request may fill caches). */
async function statements(request: APIRequestContext, url: string): Promise<number> {
  const counts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const marker = `qc=${Date.now().toString(36)}${i}${Math.random().toString(36).slice(2, 8)}`;
    const res = await request.get(`${url}${url.includes("?") ? "&" : "?"}${marker}`);
    expect(res.status(), url).toBe(200);
    await res.body();
    await expect.poll(() => countFor(marker), { message: `the query log line of ${url}` }).not.toBeNull();
    counts.push(countFor(marker)!);
  }
  return Math.min(...counts);
}

async function signedIn(browser: Browser, email: string, password?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, request: page.request };
}

test("PERF-1, PERF-8: the case page, the case list, My work and the portal case page send as many statements with 30 rows as with 2, within budget", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const stamp = Date.now().toString(36);
  const agent = await makeUser(["sn_customerservice_agent"], `Query Count ${stamp}`);
  const agentRow = await db().user.findUniqueOrThrow({ where: { email: agent.email } });
  const acme = await db().account.findFirstOrThrow({ where: { name: "Acme Corporation" } });
  const carol = await db().user.findUniqueOrThrow({ where: { email: DEMO.customer } });
  const base = 7_000_000 + Math.floor(Math.random() * 900_000);
  let made = 0;
  const makeCase = () =>
    db().case.create({
      data: {
        number: `CS${String(base + made++).padStart(7, "0")}`,
        shortDescription: `Query count ${stamp} ${made}`,
        state: 10,
        accountId: acme.id,
        contactId: carol.id,
        assignedToId: agentRow.id,
      },
    });
  const grow = async (target: { id: number }, n: number) => {
    for (let i = 0; i < n; i++) await makeCase();
    const at = Date.now();
    await db().journalEntry.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        table: "sn_customerservice_case",
        recordId: target.id,
        kind: i % 2 ? "comments" : "work_notes",
        body: `Entry ${i} ${stamp}`,
        authorName: "Query Count",
        createdAt: new Date(at + i),
      })),
    });
    await db().auditEntry.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        table: "sn_customerservice_case",
        recordId: target.id,
        field: "short_description",
        oldValue: `Old ${i}`,
        newValue: `New ${i}`,
        userName: "Query Count",
      })),
    });
  };
  const target = await makeCase();
  await grow(target, 1); // 2 cases, 1 journal entry and 1 audit row each way

  const a = await signedIn(browser, agent.email, agent.password);
  const customer = await signedIn(browser, DEMO.customer);
  const measure = async () => ({
    casePage: await statements(a.request, `/cases/${target.number}`),
    caseList: await statements(a.request, `/cases?assignedTo=${agentRow.id}&state=all`),
    myWork: await statements(a.request, "/my-work"),
    portalCase: await statements(customer.request, `/portal/cases/${target.number}`),
  });
  const small = await measure();
  await grow(target, 28);
  const large = await measure();
  console.log(`PERF-1 statements per page, 2 rows → 30 rows: ${JSON.stringify({ small, large })}`);
  expect(large).toEqual(small);
  for (const n of Object.values(small)) expect(n).toBeGreaterThan(0); // the counter counted
  // PERF-8: the budgets the pages are at — the requester (person, plugins, views) in one statement,
  // then the case page's document or the list's page with its count (docs/performance.md).
  expect(small.casePage).toBeLessThanOrEqual(2);
  expect(small.caseList).toBeLessThanOrEqual(2);
  await Promise.all([a.context.close(), customer.context.close()]);
});
