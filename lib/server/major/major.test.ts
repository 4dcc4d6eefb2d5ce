import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { rollUp } from "@/lib/domain/major/roll-up";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { CaseState as S } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { rejection } from "@/lib/testing/refusal";
import {
  makeAdmin,
  makeAgent,
  makeCase,
  makeCustomer,
  makeItil,
  makeManager,
  makeUser,
} from "@/lib/testing/fixtures";
import { postCaseJournal } from "../cases/journal";
import { getCaseView } from "../cases/view";
import { runCaseAction, updateCase } from "../cases/write";
import { createIncidentFromCase } from "../incidents/link";
import { postIncidentJournal } from "../incidents/journal";
import { createIncident } from "../incidents/write";
import { updateProperty } from "../properties/admin";
import { addChildCase } from "./children";
import { acceptMajorCase, proposeMajorCase, rejectMajorCase } from "./propose";

const reload = (id: number) => db().case.findUniqueOrThrow({ where: { id } });
const byNumber = (number: string) => db().case.findUniqueOrThrow({ where: { number } });

async function majorWithChildren(n: number) {
  const agent = await makeAgent();
  const manager = await makeManager();
  const candidate = await makeCase(agent, { priority: 3 });
  await proposeMajorCase(agent, candidate.number, {
    workNotes: "Many stores down",
    businessImpact: "40 stores",
  });
  const { major } = await acceptMajorCase(manager, candidate.number);
  const children = [await reload(candidate.id)];
  for (let i = 1; i < n; i++) {
    const c = await makeCase(agent);
    await addChildCase(manager, major, c.number);
    children.push(await reload(c.id));
  }
  return { agent, manager, major: await byNumber(major), children };
}

/** Propose Solution on the major case, its children confirmed (MAJ-5). */
const resolveMajor = (manager: Awaited<ReturnType<typeof makeManager>>, number: string, version: number) =>
  runCaseAction(manager, number, {
    action: "propose_solution",
    version,
    resolutionCode: "Solved (Permanently)",
    resolutionNotes: "Provider fixed the outage",
    confirmChildren: true,
  });

async function withSyncedFields<T>(value: string, fn: () => Promise<T>) {
  const admin = await makeAdmin();
  const row = await db().systemProperty.findUnique({ where: { name: PROPERTY.caseFieldsToSync } });
  const before = row?.value ?? "priority,state,comments,work_notes,close_notes,resolution_code";
  await updateProperty(admin, { name: PROPERTY.caseFieldsToSync, value: value, version: row?.version ?? 0 });
  try {
    return await fn();
  } finally {
    const now = await db().systemProperty.findUniqueOrThrow({ where: { name: PROPERTY.caseFieldsToSync } });
    await updateProperty(admin, { name: PROPERTY.caseFieldsToSync, value: before, version: now.version });
  }
}

describe("proposing and deciding (MAJ-1)", () => {
  it("MAJ-1: an agent proposes with work notes and business impact; every major issue manager is emailed", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const c = await makeCase(agent);
    await expect(proposeMajorCase(agent, c.number, { workNotes: "x" })).rejects.toMatchObject({
      field: "businessImpact",
    });
    await proposeMajorCase(agent, c.number, {
      workNotes: "Card payments fail in all stores",
      businessImpact: "All 40 stores",
    });
    expect(await reload(c.id)).toMatchObject({
      majorCaseState: "proposed",
      businessImpact: "All 40 stores",
      proposedById: agent.id,
    });
    const mails = await db().outboxMessage.findMany({
      where: { sourceTable: TABLE.case, sourceId: c.id, event: "case.major_proposed" },
    });
    expect(mails.map((m) => m.recipient)).toContain(manager.email);
    expect(mails.find((m) => m.recipient === manager.email)?.body).toMatch(/All 40 stores/);
    await expect(
      proposeMajorCase(agent, c.number, { workNotes: "again", businessImpact: "again" }),
    ).rejects.toMatchObject({ message: "This case is already proposed as a major case." });
  });

  it("MAJ-1: accept creates a major case, makes the candidate its child, copies the related records", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const c = await makeCase(agent, { shortDescription: "Payments down", priority: 1 });
    const { incidentNumber } = await createIncidentFromCase(agent, c.number);
    await proposeMajorCase(agent, c.number, { workNotes: "n", businessImpact: "b" });
    await expect(acceptMajorCase(agent, c.number)).rejects.toMatchObject({ kind: "forbidden" });
    const { major } = await acceptMajorCase(manager, c.number);
    const m = await byNumber(major);
    const incident = await db().incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    expect(m).toMatchObject({
      majorCaseState: "accepted",
      shortDescription: "Payments down",
      priority: 1,
      incidentId: incident.id,
      state: S.Open,
      businessImpact: "b",
    });
    expect(await reload(c.id)).toMatchObject({ parentId: m.id, majorCaseState: "" });
    await expect(acceptMajorCase(manager, c.number)).rejects.toMatchObject({
      message: "This case is not a major case candidate.",
    });
    expect((await getCaseView(manager, major)).children?.rows.map((r) => r.number)).toEqual([c.number]);
  });

  it("MAJ-1: a candidate that was cancelled meanwhile cannot be accepted", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await proposeMajorCase(agent, c.number, { workNotes: "n", businessImpact: "b" });
    await runCaseAction(agent, c.number, { action: "cancel", version: (await reload(c.id)).version });
    await expect(acceptMajorCase(await makeManager(), c.number)).rejects.toMatchObject({
      field: "state",
      message: expect.stringMatching(/Cancelled; only an open candidate/),
    });
  });

  it("MAJ-1: reject needs a reason and returns the case to an ordinary case", async () => {
    const agent = await makeAgent();
    const manager = await makeManager();
    const c = await makeCase(agent);
    await proposeMajorCase(agent, c.number, { workNotes: "n", businessImpact: "b" });
    await expect(rejectMajorCase(manager, c.number, "  ")).rejects.toMatchObject({ field: "reason" });
    await rejectMajorCase(manager, c.number, "Only one customer is affected");
    expect(await reload(c.id)).toMatchObject({
      majorCaseState: "rejected",
      majorCaseReason: "Only one customer is affected",
      parentId: null,
    });
    expect((await getCaseView(agent, c.number)).menu).toContain("Propose Major Case");
  });

  it("ROLE-2: deciding needs the major issue manager role with itil", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await proposeMajorCase(agent, c.number, { workNotes: "n", businessImpact: "b" });
    for (const who of [await makeUser([ROLE.majorIssueManager, ROLE.manager]), await makeItil()]) {
      await expect(acceptMajorCase(who, c.number)).rejects.toMatchObject({ kind: "forbidden" });
      await expect(rejectMajorCase(who, c.number, "no")).rejects.toMatchObject({ kind: "forbidden" });
    }
  });
});

describe("children (MAJ-2, MAJ-3)", () => {
  it("MAJ-2: the manager adds existing open cases; closed ones, majors and children elsewhere are refused", async () => {
    const { agent, manager, major } = await majorWithChildren(1);
    const other = await majorWithChildren(2);
    const closed = await makeCase(agent);
    await runCaseAction(agent, closed.number, { action: "cancel", version: 1 });
    await expect(addChildCase(manager, major.number, closed.number)).rejects.toMatchObject({
      field: "child",
      message: expect.stringMatching(/Cancelled/),
    });
    await expect(addChildCase(manager, major.number, other.major.number)).rejects.toMatchObject({
      message: expect.stringMatching(/itself a major case/),
    });
    await expect(addChildCase(manager, major.number, other.children[1].number)).rejects.toMatchObject({
      message: expect.stringMatching(/another major case/),
    });
    await expect(addChildCase(agent, major.number, (await makeCase(agent)).number)).rejects.toMatchObject({
      kind: "forbidden",
    });
  });

  it("MAJ-2: the manager creates an incident from the major case; MAJ-3: a child offers no create items and the server refuses", async () => {
    const { manager, major, children } = await majorWithChildren(2);
    expect((await getCaseView(manager, major.number)).menu).toContain("Create Incident");
    await createIncidentFromCase(manager, major.number);
    const agent = await makeAgent();
    expect((await getCaseView(agent, children[1].number)).menu).toEqual([]);
    await expect(createIncidentFromCase(agent, children[1].number)).rejects.toMatchObject({
      kind: "forbidden",
      message: expect.stringMatching(/child of a major case/),
    });
  });
});

describe("related-record updates on major and child cases (MAJ-4)", () => {
  it("MAJ-4: shared record noted once on the major case and copied to children; a child with another record gets only its own", async () => {
    const { agent, major, children } = await majorWithChildren(5);
    const itil = await makeItil();
    const [shared, own] = [
      await createIncident(itil, { shortDescription: "shared" }),
      await createIncident(itil, { shortDescription: "own" }),
    ];
    const [sameChild, otherChild, plainChild, resolvedChild] = children.slice(1);
    await db().case.update({ where: { id: major.id }, data: { incidentId: shared.id } });
    await db().case.updateMany({
      where: { id: { in: [sameChild.id, resolvedChild.id] } },
      data: { incidentId: shared.id },
    });
    await db().case.update({ where: { id: otherChild.id }, data: { incidentId: own.id } });
    await db().case.update({ where: { id: resolvedChild.id }, data: { state: S.Resolved } });
    const ordinary = await makeCase(agent);
    await db().case.update({ where: { id: ordinary.id }, data: { incidentId: shared.id } });

    const notesFor = async (text: string) =>
      (
        await db().journalEntry.findMany({
          where: { table: TABLE.case, body: { contains: text } },
          select: { recordId: true },
        })
      )
        .map((n) => n.recordId)
        .sort((a, b) => a - b);
    const all = [major, ...children, ordinary].map((c) => c.id);
    const expected = async (incidentId: number, sync: boolean) => {
      const rows = await db().case.findMany({ where: { id: { in: all } } });
      const r = rollUp(
        rows.map((c) => ({
          id: c.id,
          parentId: c.parentId,
          isMajor: c.majorCaseState === "accepted",
          state: c.state,
          linked: c.incidentId === incidentId,
          otherRecord: c.incidentId !== null && c.incidentId !== incidentId,
        })),
        sync,
      );
      return [...r.direct, ...r.copies].sort((a, b) => a - b);
    };

    await postIncidentJournal(itil, shared.number, { comments: "shared-update-1" });
    const reached = await notesFor("shared-update-1");
    expect(reached).toEqual(await expected(shared.id, true));
    expect(reached).toEqual(
      [major.id, children[0].id, sameChild.id, plainChild.id, ordinary.id].sort((a, b) => a - b),
    );

    await postIncidentJournal(itil, own.number, { comments: "own-update-1" });
    expect(await notesFor("own-update-1")).toEqual([otherChild.id]);

    await withSyncedFields("priority,state,comments,close_notes,resolution_code", async () => {
      await postIncidentJournal(itil, shared.number, { comments: "shared-update-2" });
      expect(await notesFor("shared-update-2")).toEqual(await expected(shared.id, false));
      expect(await notesFor("shared-update-2")).toEqual([major.id, ordinary.id].sort((a, b) => a - b));
    });
  });
});

describe("roll-up for changes and requests (MAJ-4)", () => {
  it("MAJ-4: a child holding the major's change as Caused by Change gets the copy; a child with its own change does not", async () => {
    const { agent, major, children } = await majorWithChildren(4);
    const itil = await makeItil();
    const { updateItsmRecord } = await import("../itsm/update");
    const { CHANGE } = await import("../itsm/specs");
    const change = (name: string) =>
      db().changeRequest.create({
        data: { number: `CHGT${Date.now()}${name}`, shortDescription: name, requestedById: agent.id },
      });
    const [yRow, zRow] = [await change("Y"), await change("Z")];
    const y = yRow.number;
    await db().case.update({ where: { id: major.id }, data: { changeId: yRow.id } });
    const [causedByChild, ownChangeChild, plainChild] = children.slice(1);
    await db().case.update({
      where: { id: causedByChild.id },
      data: { changeId: zRow.id, causedById: yRow.id },
    });
    await db().case.update({ where: { id: ownChangeChild.id }, data: { causedById: zRow.id } });
    await updateItsmRecord(CHANGE, itil, y, { version: yRow.version, state: -4 });
    const reached = (
      await db().journalEntry.findMany({
        where: {
          table: TABLE.case,
          sourceId: yRow.id,
          sourceTable: "change_request",
          ruleName: { not: null },
        },
      })
    )
      .map((n) => n.recordId)
      .sort((a, b) => a - b);
    const rows = await db().case.findMany({
      where: { id: { in: [major.id, ...children.map((c) => c.id)] } },
    });
    const has = (c: (typeof rows)[number]) => c.changeId !== null || c.causedById !== null;
    const isY = (c: (typeof rows)[number]) => c.changeId === yRow.id || c.causedById === yRow.id;
    const r = rollUp(
      rows.map((c) => ({
        id: c.id,
        parentId: c.parentId,
        isMajor: c.majorCaseState === "accepted",
        state: c.state,
        linked: isY(c),
        otherRecord: !isY(c) && has(c),
      })),
      true,
    );
    expect(reached).toEqual([...r.direct, ...r.copies].sort((a, b) => a - b));
    expect(reached).toEqual(
      [major.id, children[0].id, causedByChild.id, plainChild.id].sort((a, b) => a - b),
    );
  });

  it("MAJ-4: a request made from the major case reaches its children without requests of their own", async () => {
    const { agent, manager, major, children } = await majorWithChildren(3);
    const itil = await makeItil();
    const { createRequestFromCase } = await import("../cases/create-related");
    const { updateItsmRecord } = await import("../itsm/update");
    const { REQUEST } = await import("../itsm/specs");
    await db().case.update({ where: { id: children[2].id }, data: { parentId: null } });
    await createRequestFromCase(agent, children[2].number);
    await db().case.update({ where: { id: children[2].id }, data: { parentId: major.id } });
    const { number } = await createRequestFromCase(manager, major.number);
    await updateItsmRecord(REQUEST, itil, number, { version: 1, state: "in_process" });
    const req = await db().request.findUniqueOrThrow({ where: { number } });
    const reached = (
      await db().journalEntry.findMany({
        where: { table: TABLE.case, sourceId: req.id, sourceTable: "sc_request", ruleName: { not: null } },
      })
    )
      .map((n) => n.recordId)
      .sort((a, b) => a - b);
    expect(reached).toEqual([major.id, children[0].id, children[1].id].sort((a, b) => a - b));
  });
});

describe("field sync to children (MAJ-5)", () => {
  it("MAJ-5: only a major issue manager's confirmed change reaches the children", async () => {
    const { major } = await majorWithChildren(2);
    const agent = await makeAgent();
    await expect(
      updateCase(agent, major.number, { version: major.version, priority: 1, confirmChildren: true }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    await updateCase(agent, major.number, {
      version: major.version,
      description: "Agents may edit what does not reach children",
    });
  });

  it("REC-4 / MAJ-5: children resolved by the major case always get its resolution code and notes", async () => {
    const { agent, manager, major } = await majorWithChildren(1);
    await updateCase(manager, major.number, {
      version: major.version,
      resolutionCode: "Solved (Work Around)",
      resolutionNotes: "Set before resolving",
      confirmChildren: true,
    });
    // A child added after the resolution was written on the major case.
    const late = await makeCase(agent);
    await addChildCase(manager, major.number, late.number);
    const v = (await reload(major.id)).version;
    await runCaseAction(manager, major.number, {
      action: "propose_solution",
      version: v,
      resolutionCode: "Solved (Work Around)",
      resolutionNotes: "Set before resolving",
      confirmChildren: true,
    });
    expect(await reload(late.id)).toMatchObject({
      state: S.Resolved,
      resolutionCode: "Solved (Work Around)",
      resolutionNotes: "Set before resolving",
    });
  });

  it("MAJ-5: a synced change asks first, then updates every open child (audited); resolved children are skipped", async () => {
    const { manager, major, children } = await majorWithChildren(4);
    await db().case.update({
      where: { id: children[3].id },
      data: { state: S.Resolved, resolutionCode: "Solved (Permanently)", resolutionNotes: "own" },
    });
    await expect(
      updateCase(manager, major.number, { version: major.version, priority: 1 }),
    ).rejects.toMatchObject({
      kind: "confirm",
      message: "This will update 3 child cases: each open one gets the new priority.",
    });
    expect((await reload(major.id)).priority).toBe(major.priority);
    await updateCase(manager, major.number, { version: major.version, priority: 1, confirmChildren: true });
    const after = await db().case.findMany({ where: { parentId: major.id }, orderBy: { id: "asc" } });
    expect(after.map((c) => c.priority)).toEqual([1, 1, 1, children[3].priority]);
    expect(
      await db().auditEntry.count({
        where: {
          table: TABLE.case,
          recordId: children[0].id,
          field: "priority",
          newValue: "1",
          userId: manager.id,
        },
      }),
    ).toBe(1);
    // Fields that are not listed are not copied, and ask nothing.
    await updateCase(manager, major.number, {
      version: (await reload(major.id)).version,
      shortDescription: "Renamed major",
    });
    expect((await reload(children[0].id)).shortDescription).not.toBe("Renamed major");
  });

  it("MAJ-5: resolving and closing the major case resolves, then closes, its children — Resolved ones too — audited and noted", async () => {
    const { manager, major, children } = await majorWithChildren(5);
    const [resolvedAlone, cancelled] = [children[3], children[4]];
    await db().case.update({
      where: { id: resolvedAlone.id },
      data: { state: S.Resolved, resolutionCode: "Solved (Work Around)", resolutionNotes: "own" },
    });
    await db().case.update({ where: { id: cancelled.id }, data: { state: S.Cancelled } });
    const v = async () => (await reload(major.id)).version;
    await resolveMajor(manager, major.number, await v());
    const resolved = await db().case.findMany({
      where: { id: { in: children.slice(0, 3).map((c) => c.id) } },
    });
    expect(
      resolved.every((c) => c.state === S.Resolved && c.resolutionNotes === "Provider fixed the outage"),
    ).toBe(true);
    // Each child the resolve moved says why (a New one skips Open); the one resolved alone is not reached.
    const resolveNotes = await db().journalEntry.findMany({
      where: {
        table: TABLE.case,
        sourceNumber: major.number,
        body: { startsWith: "Resolved with major case" },
      },
    });
    expect(resolveNotes.map((n) => n.recordId).sort((a, b) => a - b)).toEqual(
      children
        .slice(0, 3)
        .map((c) => c.id)
        .sort((a, b) => a - b),
    );
    expect(resolveNotes[0].body).toMatch(
      /^Resolved with major case CS\d+\.\nResolution code: Solved \(Permanently\)\n/,
    );
    // Four children will change (three resolved with the major case, one resolved on its own).
    await expect(
      runCaseAction(manager, major.number, { action: "close", version: await v() }),
    ).rejects.toMatchObject({
      kind: "confirm",
      message:
        "This will update 4 child cases: each is closed with the major case's resolution, Resolved ones too.",
    });
    await runCaseAction(manager, major.number, {
      action: "close",
      version: await v(),
      confirmChildren: true,
    });
    const after = await db().case.findMany({ where: { parentId: major.id }, orderBy: { id: "asc" } });
    expect(after.map((c) => [c.state, c.resolutionCode, c.resolutionNotes])).toEqual([
      ...Array(4).fill([S.Closed, "Solved (Permanently)", "Provider fixed the outage"]),
      [S.Cancelled, null, null],
    ]);
    expect(after.slice(0, 4).every((c) => c.closedAt !== null)).toBe(true);
    const audit = await db().auditEntry.findMany({
      where: {
        table: TABLE.case,
        recordId: resolvedAlone.id,
        userId: manager.id,
        field: { in: ["state", "resolutionCode", "resolutionNotes"] },
      },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.field, a.oldValue, a.newValue]).sort()).toEqual([
      ["resolutionCode", "Solved (Work Around)", "Solved (Permanently)"],
      ["resolutionNotes", "own", "Provider fixed the outage"],
      ["state", String(S.Resolved), String(S.Closed)],
    ]);
    const closeNotes = await db().journalEntry.findMany({
      where: {
        table: TABLE.case,
        sourceNumber: major.number,
        body: { startsWith: "Closed with major case" },
      },
    });
    expect(closeNotes.map((n) => n.recordId).sort((a, b) => a - b)).toEqual(
      children
        .slice(0, 4)
        .map((c) => c.id)
        .sort((a, b) => a - b),
    );
    expect(closeNotes[0]).toMatchObject({
      kind: "work_notes",
      authorId: manager.id,
      body:
        `Closed with major case ${major.number}.\nResolution code: Solved (Permanently)\n` +
        "Resolution notes: Provider fixed the outage",
    });

    const fresh = await majorWithChildren(3);
    await runCaseAction(fresh.manager, fresh.major.number, {
      action: "cancel",
      version: fresh.major.version,
      confirmChildren: true,
    });
    expect((await db().case.findMany({ where: { parentId: fresh.major.id } })).map((c) => c.state)).toEqual([
      S.Cancelled,
      S.Cancelled,
      S.Cancelled,
    ]);
  });

  it("MAJ-5 / NOT-1: children resolved, then closed, with the major case email their customers, once per move", async () => {
    const { manager, major, children } = await majorWithChildren(3);
    const customers = [await makeCustomer(), await makeCustomer()];
    // Two children have a customer; the third has none and is emailed nothing.
    for (const [i, { account, contact }] of customers.entries())
      await db().case.update({
        where: { id: children[i].id },
        data: { accountId: account.id, contactId: contact.id },
      });
    await db().case.update({ where: { id: children[2].id }, data: { contactId: null, consumerId: null } });
    const mails = (event: string) =>
      db().outboxMessage.findMany({
        where: { event, sourceId: { in: children.map((c) => c.id) } },
        orderBy: { recipient: "asc" },
      });
    const v = async () => (await reload(major.id)).version;
    await resolveMajor(manager, major.number, await v());
    const proposed = await mails("case.propose_solution");
    expect(proposed.map((m) => m.recipient)).toEqual(customers.map((c) => c.contact.email).sort());
    // The child's own Propose Solution email: its number, the major case's resolution, its reply address.
    for (const m of proposed) {
      const child = children.find((c) => c.id === m.sourceId)!;
      expect(m.subject).toContain(child.number);
      expect(m.body).toContain("Provider fixed the outage");
      expect(m.replyTo).toMatch(/^reply\+/);
    }
    await runCaseAction(manager, major.number, {
      action: "close",
      version: await v(),
      confirmChildren: true,
    });
    expect((await mails("case.closed")).map((m) => m.recipient)).toEqual(
      customers.map((c) => c.contact.email).sort(),
    );
    expect(await mails("case.propose_solution")).toHaveLength(2);
  });

  it("MAJ-5 / NOT-1: Request Info on a major case asks its open children's customers: the question is their comment and email", async () => {
    const { manager, major, children } = await majorWithChildren(2);
    const { account, contact } = await makeCustomer();
    await db().case.update({
      where: { id: children[0].id },
      data: { accountId: account.id, contactId: contact.id },
    });
    const asked = "Which of your stores are still offline?";
    // The question asked first says the children's customers are emailed (it said only "Awaiting Info").
    const question = await rejection(
      runCaseAction(manager, major.number, {
        action: "request_info",
        version: (await reload(major.id)).version,
        question: asked,
      }),
    );
    expect(question.message).toBe(
      "This will update 2 child cases: each open one becomes Awaiting Info; each open one also gets " +
        "the additional comment (emailed to its customer).",
    );
    await runCaseAction(manager, major.number, {
      action: "request_info",
      version: (await reload(major.id)).version,
      question: asked,
      confirmChildren: true,
    });
    for (const child of children) {
      const row = await reload(child.id);
      expect(row.state).toBe(S.AwaitingInfo);
      const comments = await db().journalEntry.findMany({
        where: { table: TABLE.case, recordId: child.id, kind: "comments" },
      });
      expect(comments.map((e) => e.body)).toEqual([asked]);
    }
    const mails = await db().outboxMessage.findMany({
      where: { sourceId: children[0].id, recipient: contact.email },
    });
    expect(mails.filter((m) => m.body.includes(asked))).toHaveLength(1);
  });

  it("MAJ-5 / NOT-1: Request Info on a major case that reaches no child's active customer is refused; nothing changes", async () => {
    const ask = async (made: Awaited<ReturnType<typeof majorWithChildren>>) => {
      const version = (await reload(made.major.id)).version;
      await expect(
        runCaseAction(made.manager, made.major.number, {
          action: "request_info",
          version,
          question: "Anyone?",
          confirmChildren: true,
        }),
      ).rejects.toMatchObject({ field: "question" });
      const after = await reload(made.major.id);
      expect([after.version, after.state]).toEqual([version, made.major.state]);
      for (const c of made.children) expect((await reload(c.id)).state).toBe(c.state);
    };
    // Children without a customer, or whose contact was deactivated.
    const bare = await majorWithChildren(2);
    const { account, contact } = await makeCustomer();
    await db().case.update({
      where: { id: bare.children[0].id },
      data: { accountId: account.id, contactId: contact.id },
    });
    await db().user.update({ where: { id: contact.id }, data: { active: false } });
    await ask(bare);
    // A child with a customer, but the major case's comments are not copied to children.
    const other = await makeCustomer();
    const quiet = await majorWithChildren(1);
    await db().case.update({
      where: { id: quiet.children[0].id },
      data: { accountId: other.account.id, contactId: other.contact.id },
    });
    await withSyncedFields("priority,state,work_notes,close_notes,resolution_code", () => ask(quiet));
  });

  it("MAJ-5: closing the major case closes New, Open and Awaiting Info children even when state is not listed", async () => {
    const { manager, major, children } = await majorWithChildren(2);
    await withSyncedFields("priority", async () => {
      const v = async () => (await reload(major.id)).version;
      await runCaseAction(manager, major.number, {
        action: "propose_solution",
        version: await v(),
        resolutionCode: "Solved (Permanently)",
        resolutionNotes: "done",
      });
      expect((await reload(children[0].id)).state).toBe(children[0].state);
      await runCaseAction(manager, major.number, {
        action: "close",
        version: await v(),
        confirmChildren: true,
      });
      expect((await db().case.findMany({ where: { parentId: major.id } })).map((c) => c.state)).toEqual([
        S.Closed,
        S.Closed,
      ]);
    });
  });

  it("MAJ-5: additional comments and work notes on the major case are copied to open children", async () => {
    const { manager, major, children } = await majorWithChildren(3);
    await db().case.update({ where: { id: children[2].id }, data: { state: S.Cancelled } });
    await expect(
      postCaseJournal(manager, major.number, {
        comments: "Update for all customers",
        workNotes: "Bridge call at 14:00",
      }),
    ).rejects.toMatchObject({
      kind: "confirm",
      message:
        "This will update 2 child cases: each open one gets the work note and the additional comment " +
        "(emailed to its customer).",
    });
    await expect(
      postCaseJournal(await makeAgent(), major.number, { comments: "x", confirmChildren: true }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    await postCaseJournal(manager, major.number, {
      comments: "Update for all customers",
      workNotes: "Bridge call at 14:00",
      confirmChildren: true,
    });
    for (const [child, expected] of [
      [children[0], 2],
      [children[1], 2],
      [children[2], 0],
    ] as const) {
      const entries = await db().journalEntry.findMany({
        where: {
          table: TABLE.case,
          recordId: child.id,
          sourceNumber: major.number,
          ruleName: "Major case sync",
        },
      });
      expect(entries.length, child.number).toBe(expected);
    }
    const copy = await db().journalEntry.findFirstOrThrow({
      where: { table: TABLE.case, recordId: children[0].id, kind: "comments", sourceNumber: major.number },
    });
    expect(copy).toMatchObject({
      body: "Update for all customers",
      authorName: manager.name,
      ruleName: "Major case sync",
    });
  });
});
