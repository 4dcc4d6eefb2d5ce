import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAccount, makeAgent, makeCase, makeCustomer, makeItil, makeUser } from "@/lib/testing/fixtures";
import { ROLE } from "@/lib/domain/auth/roles";
import { createCase, runCaseAction, updateCase } from "./write";

const snapshot = async (id: number) => ({
  row: await db().case.findUniqueOrThrow({ where: { id } }),
  audit: await db().auditEntry.count({ where: { table: TABLE.case, recordId: id } }),
});

describe("case service", () => {
  it("REL-2: a New case form sent several times at once, or again later, makes one case; its key is no other user's", async () => {
    const agent = await makeAgent();
    const requestKey = `k${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
    const input = { shortDescription: `Once ${requestKey}`, requestKey };
    const made = await Promise.all([1, 2, 3, 4].map(() => createCase(agent, input)));
    expect(new Set(made.map((m) => m.number)).size).toBe(1);
    expect((await createCase(agent, input)).number).toBe(made[0].number);
    expect(await db().case.count({ where: { shortDescription: input.shortDescription } })).toBe(1);
    // The number the failed inserts drew is not spent: the next case is the next number.
    const next = await createCase(agent, { shortDescription: "after" });
    expect(Number(next.number.slice(2))).toBe(Number(made[0].number.slice(2)) + 1);
    await expect(createCase(await makeAgent(), input)).rejects.toMatchObject({ field: "requestKey" });
    // No audit row names the key.
    const c = await db().case.findUniqueOrThrow({ where: { number: made[0].number } });
    expect(
      await db().auditEntry.count({ where: { table: TABLE.case, recordId: c.id, field: "requestKey" } }),
    ).toBe(0);
  });

  it("REC-5: creating and changing a case writes audit rows with who, old and new", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent, { priority: 3 });
    await updateCase(agent, c.number, { version: c.version, priority: 1, shortDescription: "Renamed" });
    const rows = await db().auditEntry.findMany({
      where: { table: TABLE.case, recordId: c.id, field: { in: ["priority", "shortDescription"] } },
      orderBy: { id: "asc" },
    });
    const priority = rows.filter((r) => r.field === "priority");
    expect(priority.at(-1)).toMatchObject({
      oldValue: "3",
      newValue: "1",
      userId: agent.id,
      userName: agent.name,
    });
    expect(rows.filter((r) => r.field === "shortDescription").at(-1)).toMatchObject({
      oldValue: c.shortDescription,
      newValue: "Renamed",
    });
  });

  it("REC-5: a save of the form that leaves Resolution notes blank records no change to it and keeps it empty", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    expect(c.resolutionNotes).toBeNull();
    const before = await db().auditEntry.aggregate({ _max: { id: true } });
    // What the case form sends: every field, the untouched text fields as "".
    await updateCase(agent, c.number, {
      version: c.version,
      priority: 2,
      resolutionNotes: "",
      description: "",
    });
    const fields = await db().auditEntry.findMany({
      where: { table: TABLE.case, recordId: c.id, id: { gt: before._max.id ?? 0 } },
      select: { field: true },
    });
    expect(fields.map((f) => f.field)).toEqual(["priority"]);
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ resolutionNotes: null, priority: 2, version: c.version + 1 });
  });

  it("REC-6: a save from a stale copy is refused and nothing is overwritten", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await updateCase(agent, c.number, { version: c.version, shortDescription: "First tab wins" });
    await expect(
      updateCase(agent, c.number, { version: c.version, shortDescription: "Second tab" }),
    ).rejects.toMatchObject({ kind: "conflict", field: "version" });
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.shortDescription).toBe("First tab wins");
    expect(after.version).toBe(c.version + 1);
  });

  it("REC-6: two saves racing on the same version — exactly one wins", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const results = await Promise.allSettled(
      ["A", "B", "C"].map((s) => updateCase(agent, c.number, { version: c.version, shortDescription: s })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(c.version + 1);
  });

  it("REC-3: an illegal transition is refused and changes nothing", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const before = await snapshot(c.id);
    await expect(
      updateCase(agent, c.number, { version: c.version, state: CaseState.Closed, priority: 1 }),
    ).rejects.toMatchObject({
      kind: "invalid",
      field: "state",
      message: "A case cannot move from New to Closed.",
    });
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("REC-4: Propose Solution without a resolution code is refused and changes nothing", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    const before = await snapshot(c.id);
    await expect(
      runCaseAction(agent, c.number, { action: "propose_solution", version: 2, resolutionNotes: "done" }),
    ).rejects.toMatchObject({ field: "resolutionCode" });
    expect(await snapshot(c.id)).toEqual(before);
    await runCaseAction(agent, c.number, {
      action: "propose_solution",
      version: 2,
      resolutionCode: "Solved (Work Around)",
      resolutionNotes: "done",
    });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe(CaseState.Resolved);
  });

  it("REL-1: a 5,000-character short description is refused naming the field; nothing changes", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const before = await snapshot(c.id);
    await expect(
      updateCase(agent, c.number, { version: c.version, shortDescription: "x".repeat(5000) }),
    ).rejects.toMatchObject({
      field: "shortDescription",
      message: "Short description must be at most 160 characters (it has 5,000).",
    });
    await expect(createCase(agent, { shortDescription: "y".repeat(5000) })).rejects.toMatchObject({
      field: "shortDescription",
    });
    expect(await snapshot(c.id)).toEqual(before);
    expect(await db().case.count({ where: { shortDescription: { startsWith: "yyyy" } } })).toBe(0);
  });

  it("REC-3: a Closed case cannot be changed", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    await runCaseAction(agent, c.number, {
      action: "propose_solution",
      version: 2,
      resolutionCode: "Solved (Permanently)",
      resolutionNotes: "ok",
    });
    await runCaseAction(agent, c.number, { action: "close", version: 3 });
    await expect(updateCase(agent, c.number, { version: 4, priority: 1 })).rejects.toThrow(
      "This case is Closed and cannot be changed.",
    );
    await expect(runCaseAction(agent, c.number, { action: "reopen", version: 4 })).rejects.toThrow(
      /Reopen is not possible while the case is Closed/,
    );
  });

  it("REC-4: a Resolved case cannot be saved without its resolution code or notes", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await runCaseAction(agent, c.number, { action: "accept", version: 1 });
    await runCaseAction(agent, c.number, {
      action: "propose_solution",
      version: 2,
      resolutionCode: "Solved (Permanently)",
      resolutionNotes: "done",
    });
    await expect(
      updateCase(agent, c.number, { version: 3, resolutionCode: "", resolutionNotes: "" }),
    ).rejects.toMatchObject({ field: "resolutionCode" });
    await expect(updateCase(agent, c.number, { version: 3, resolutionNotes: "  " })).rejects.toMatchObject({
      field: "resolutionNotes",
    });
    expect(await db().case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      resolutionCode: "Solved (Permanently)",
      resolutionNotes: "done",
      version: 3,
    });
  });

  it("REL-1: a contact from another account is refused on the Contact field", async () => {
    const agent = await makeAgent();
    const mine = await makeAccount();
    const { contact } = await makeCustomer();
    await expect(
      createCase(agent, { shortDescription: "x", accountId: mine.id, contactId: contact.id }),
    ).rejects.toMatchObject({ field: "contactId" });
  });

  it("ROLE-2: an itil-only user and an external user cannot create or change cases", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const itil = await makeItil();
    const { contact } = await makeCustomer();
    for (const who of [itil, contact]) {
      await expect(createCase(who, { shortDescription: "nope" })).rejects.toMatchObject({
        kind: "forbidden",
      });
      await expect(updateCase(who, c.number, { version: c.version, priority: 1 })).rejects.toMatchObject({
        kind: "forbidden",
      });
    }
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(c.version);
  });

  it("a manager can work cases too", async () => {
    const manager = await makeUser([ROLE.manager]);
    const c = await makeCase(manager);
    expect(c.openedById).toBe(manager.id);
  });
});
