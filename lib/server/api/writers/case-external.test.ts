// API-2 / API-3 for external users: the portal's New case, Reply and Accept/Reject solution through the
// Table API (ROLE-3).
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import { ROLE } from "@/lib/domain/auth/roles";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { api, errorMessage, record, type ApiAnswer } from "@/lib/testing/api";
import { makeAgent, makeCase, makeCustomer, makeUser, resolveCase, unique } from "@/lib/testing/fixtures";
import { runCaseAction } from "../../cases/write";
import { nextNumber } from "../../records/numbers";

const CASES = "/api/now/table/sn_customerservice_case";
const detailOf = (a: ApiAnswer) => (a.json.error as { detail: string }).detail;
const pathOf = (id: number) => `${CASES}/${sysIdOf("sn_customerservice_case", id)}`;

const makeAsset = (accountId: number) =>
  transaction(async (tx) =>
    tx.asset.create({ data: { number: await nextNumber(tx, "asset"), name: unique("Router "), accountId } }),
  );

describe("Table API: external users write as the portal does (API-2, ROLE-3, POR-1)", () => {
  it("POR-1, API-2: a customer's POST is the portal's New case — their account, them as contact, web, New", async () => {
    const { account, contact } = await makeCustomer();
    const asset = await makeAsset(account.id);
    const res = await api("POST", CASES, {
      as: contact,
      body: {
        short_description: "Printer on fire",
        description: "Smoke",
        asset: sysIdOf("alm_asset", asset.id),
      },
    });
    expect(res.status).toBe(201);
    expect(record(res)).toMatchObject({ short_description: "Printer on fire", state: String(CaseState.New) });
    const saved = await db().case.findFirstOrThrow({
      where: { shortDescription: "Printer on fire", contactId: contact.id },
    });
    expect(saved).toMatchObject({
      accountId: account.id,
      assetId: asset.id,
      channel: "web",
      openedById: contact.id,
    });
  });

  it("ROLE-3: any other field from an external user is a 403 naming it; another account's asset is refused", async () => {
    const { contact } = await makeCustomer();
    const other = await makeCustomer();
    const theirs = await makeAsset(other.account.id);
    for (const body of [
      { short_description: "x", priority: "1" },
      { short_description: "x", account: sysIdOf("customer_account", other.account.id) },
    ]) {
      const res = await api("POST", CASES, { as: contact, body });
      expect(res.status).toBe(403);
      expect(errorMessage(res)).toContain(`"${Object.keys(body)[1]}"`);
    }
    const foreign = await api("POST", CASES, {
      as: contact,
      body: { short_description: "x", asset: sysIdOf("alm_asset", theirs.id) },
    });
    expect(foreign.status).toBe(400);
    // By display value, another account's asset is not found either (no hint that it exists).
    const byName = await api("POST", `${CASES}?sysparm_input_display_value=true`, {
      as: contact,
      body: { short_description: "x", asset: theirs.name },
    });
    expect(byName.status).toBe(400);
    expect(errorMessage(byName)).toContain("no alm_asset record");
    expect(await db().case.count({ where: { contactId: contact.id } })).toBe(0);
  });

  it("POR-1, API-2: PATCH comments is the portal's Reply — the customer's comment; an Awaiting Info case reopens", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const c = await makeCase(agent, { accountId: account.id, contactId: contact.id });
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    await runCaseAction(agent, c.number, {
      action: "request_info",
      version: 2,
      question: "Which printer model is it?",
    });
    const res = await api("PATCH", pathOf(c.id), { as: contact, body: { comments: "Here is the log" } });
    expect(res.status).toBe(200);
    expect(record(res).state).toBe(String(CaseState.Open));
    const entries = await db().journalEntry.findMany({
      where: { table: TABLE.case, recordId: c.id, kind: "comments", authorName: contact.name },
    });
    expect(entries.map((e) => e.body)).toEqual(["Here is the log"]);
    // Accepting a solution needs one: an Open case refuses it naming state, and nothing is posted.
    const state = await api("PATCH", pathOf(c.id), { as: contact, body: { comments: "x", state: "3" } });
    expect(state.status).toBe(400);
    expect(errorMessage(state)).toMatch(/only possible while the case is Resolved/);
    expect(detailOf(state)).toMatch(/^state: /);
    // The agent's question (NOT-1) and the customer's one answer: the refused PATCH posted nothing.
    expect(
      await db().journalEntry.count({ where: { table: TABLE.case, recordId: c.id, kind: "comments" } }),
    ).toBe(2);
    const notes = await api("PATCH", pathOf(c.id), { as: contact, body: { work_notes: "x" } });
    expect(notes.status).toBe(403);
  });

  it("POR-1, API-2: on a Resolved case, state Closed is Accept solution; state Open with comments is Reject solution", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const open = () => makeCase(agent, { accountId: account.id, contactId: contact.id });
    const [accepted, rejected] = [await open(), await open()];
    for (const c of [accepted, rejected]) await resolveCase(agent, c.number);

    // REC-6: the answer is for the version the customer read — a stale sys_mod_count is a 409.
    const seen = record(await api("GET", pathOf(accepted.id), { as: contact })).sys_mod_count;
    expect(seen).toMatch(/^\d+$/);
    const stale = await api("PATCH", pathOf(accepted.id), {
      as: contact,
      body: { state: "3", sys_mod_count: String(Number(seen) - 1) },
    });
    expect(stale.status).toBe(409);
    const accept = await api("PATCH", pathOf(accepted.id), {
      as: contact,
      body: { state: "3", comments: "", sys_mod_count: seen },
    });
    expect(accept.status).toBe(200);
    expect(record(accept).state).toBe(String(CaseState.Closed));
    const audit = await db().auditEntry.findFirst({
      where: { table: TABLE.case, recordId: accepted.id, field: "state", newValue: String(CaseState.Closed) },
    });
    expect(audit?.userId).toBe(contact.id);

    const noReason = await api("PATCH", pathOf(rejected.id), { as: contact, body: { state: "10" } });
    expect(noReason.status).toBe(400);
    expect(errorMessage(noReason)).toBe("Give the reason in comments to reject the solution.");
    expect(detailOf(noReason)).toMatch(/^comments: /);
    const other = await api("PATCH", pathOf(rejected.id), {
      as: contact,
      body: { state: "7", comments: "x" },
    });
    expect(other.status).toBe(400);
    expect(detailOf(other)).toMatch(/^state: /);
    const staleReject = await api("PATCH", pathOf(rejected.id), {
      as: contact,
      body: { state: "10", comments: "old", sys_mod_count: "1" },
    });
    expect(staleReject.status).toBe(409);
    const reject = await api("PATCH", pathOf(rejected.id), {
      as: contact,
      body: { state: "10", comments: "Still broken after the fix" },
    });
    expect(reject.status).toBe(200);
    expect(record(reject).state).toBe(String(CaseState.Open));
    const reasons = await db().journalEntry.findMany({
      where: { table: TABLE.case, recordId: rejected.id, kind: "comments", authorId: contact.id },
    });
    expect(reasons.map((e) => e.body)).toEqual(["Still broken after the fix"]);
  });

  it("POR-1, API-2: Accept solution with comments closes the case and keeps the comment (a reply would have reopened it)", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const c = await makeCase(agent, { accountId: account.id, contactId: contact.id });
    await resolveCase(agent, c.number);
    const accept = await api("PATCH", pathOf(c.id), {
      as: contact,
      body: { state: "3", comments: "Thanks, works" },
    });
    expect(accept.status).toBe(200);
    expect(record(accept).state).toBe(String(CaseState.Closed));
    const said = await db().journalEntry.findMany({
      where: { table: TABLE.case, recordId: c.id, kind: "comments", authorId: contact.id },
    });
    expect(said.map((e) => e.body)).toEqual(["Thanks, works"]);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe(CaseState.Closed);
  });

  it("ROLE-3, POR-4: a case outside the user's scope is a 404 exactly like a missing sys_id", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const consumer = await makeUser([ROLE.consumer, ROLE.external], { kind: "consumer" });
    const c = await makeCase(agent, { accountId: account.id, contactId: contact.id });
    const missing = await api("PATCH", pathOf(2_000_000_000), { as: consumer, body: { comments: "hi" } });
    const hidden = await api("PATCH", pathOf(c.id), { as: consumer, body: { comments: "hi" } });
    expect(missing.status).toBe(404);
    expect(hidden.status).toBe(404);
    expect(errorMessage(hidden)).toBe(
      errorMessage(missing).replace(
        sysIdOf("sn_customerservice_case", 2_000_000_000),
        sysIdOf("sn_customerservice_case", c.id),
      ),
    );
    expect(
      await db().journalEntry.count({ where: { table: TABLE.case, recordId: c.id, kind: "comments" } }),
    ).toBe(0);
    // Tables without an external hook: a 403 for writes.
    const problem = await api("POST", "/api/now/table/problem", {
      as: contact,
      body: { short_description: "x" },
    });
    expect(problem.status).toBe(403);
  });
});
