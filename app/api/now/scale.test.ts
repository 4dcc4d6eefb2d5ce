// API-1 / REL-1 at a customer's size: Prisma binds at most 999 values on SQLite unless the adapter
// says more, and two Table API reads pass one value per row — an external user's cases (their
// comments in sys_journal_field) and a page's contacts (their portal roles). With 1,000 of either
// they answered 500 on SQLite; the adapter now gives SQLite's own limit, as PostgreSQL's is.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { TABLE } from "@/lib/domain/records/tables";
import { api, records } from "@/lib/testing/api";
import { makeAccount, makeAgent, makeCase, makeUser, unique } from "@/lib/testing/fixtures";

const MANY = 1_100;

describe("Table API reads at a customer's size (API-1, REL-1)", () => {
  it("API-1: a customer admin whose account holds 1,100 cases lists their comments (sys_journal_field)", async () => {
    const agent = await makeAgent();
    const account = await makeAccount();
    const admin = await makeUser([ROLE.customerAdmin, ROLE.customer, ROLE.external], {
      kind: "contact",
      accountId: account.id,
    });
    const tag = unique("K");
    await db().case.createMany({
      data: Array.from({ length: MANY }, (_, i) => ({
        number: `${tag}${i}`,
        shortDescription: `Bulk ${i}`,
        accountId: account.id,
        openedById: agent.id,
      })),
    });
    const cases = await db().case.findMany({ where: { accountId: account.id }, orderBy: { id: "asc" } });
    expect(cases).toHaveLength(MANY);
    const other = await makeCase(agent);
    const entry = (recordId: number, kind: string, body: string) => ({
      table: TABLE.case,
      recordId,
      kind,
      body,
      authorId: agent.id,
      authorName: agent.name,
    });
    await db().journalEntry.createMany({
      data: [
        entry(cases[0].id, "comments", "first"),
        entry(cases[MANY - 1].id, "comments", "last"),
        entry(cases[500].id, "work_notes", "internal"),
        entry(other.id, "comments", "another account's"),
      ],
    });
    const answer = await api("GET", "/api/now/table/sys_journal_field?sysparm_fields=value", { as: admin });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-total-count")).toBe("2");
    expect(records(answer).map((r) => r.value)).toEqual(expect.arrayContaining(["first", "last"]));
  });

  it("API-1: a page of 1,100 contacts is listed with their portal roles (customer_contact)", async () => {
    const agent = await makeAgent();
    const account = await makeAccount();
    const tag = unique("c");
    await db().user.createMany({
      data: Array.from({ length: MANY }, (_, i) => ({
        email: `${tag}.${i}@contacts.example`,
        name: `Contact ${tag} ${i}`,
        kind: "contact",
        accountId: account.id,
      })),
    });
    const first = await db().user.findFirstOrThrow({ where: { email: `${tag}.0@contacts.example` } });
    await db().userRole.create({ data: { userId: first.id, role: ROLE.customerAdmin } });
    const query = `account=${sysIdOf("customer_account", account.id)}`;
    const answer = await api(
      "GET",
      `/api/now/table/customer_contact?sysparm_query=${query}&sysparm_limit=2000`,
      {
        as: agent,
      },
    );
    expect(answer.status).toBe(200);
    expect(records(answer)).toHaveLength(MANY);
    const roles = records(answer).find((r) => r.email === first.email)?.roles;
    expect(String(roles)).toContain(ROLE.customerAdmin);
  });
});

describe("a long IN list (REL-1)", () => {
  it("REL-1: a query with 1,500 IN values (within sysparm_query's 4,000 characters) answers 200", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const values = Array.from({ length: 1_500 }, (_, i) => (i % 4) + 1).join(",");
    const answer = await api(
      "GET",
      `/api/now/table/sn_customerservice_case?sysparm_query=number=${c.number}^priorityIN${values}`,
      {
        as: agent,
      },
    );
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    expect(records(answer).map((r) => r.number)).toEqual([c.number]);
  });
});
