import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { TABLE } from "@/lib/domain/records/tables";
import { makeAgent, makeCase, makeItil, makeViewer } from "@/lib/testing/fixtures";
import { createIncident } from "../incidents/write";
import { nextNumber } from "../records/numbers";
import { setRelatedRecords } from "./related-records";

const version = async (id: number) => (await db().case.findUniqueOrThrow({ where: { id } })).version;
const problemRow = () =>
  transaction(async (tx) =>
    tx.problem.create({
      data: { number: await nextNumber(tx, "problem"), shortDescription: "existing problem" },
    }),
  );
const changeRow = () =>
  transaction(async (tx) =>
    tx.changeRequest.create({
      data: { number: await nextNumber(tx, "change"), shortDescription: "existing change", state: 3 },
    }),
  );

describe("Related Records (ITSM-2)", () => {
  it("ITSM-2: each field can be set by picking an existing record, and cleared; each change is noted and audited; a form sent unchanged says so", async () => {
    const agent = await makeAgent();
    const itil = await makeItil();
    const c = await makeCase(agent);
    const [problem, change, incident] = [
      await problemRow(),
      await changeRow(),
      await createIncident(itil, { shortDescription: "open one" }),
    ];
    const form = {
      incident: incident.number,
      problem: problem.number,
      change: change.number,
      causedBy: change.number,
    };
    const linked = await setRelatedRecords(agent, c.number, { version: c.version, ...form });
    expect(linked.changed).toBe(true);
    // The same form sent again (as shown) changes nothing and says so (the action's message).
    const again = await setRelatedRecords(agent, c.number, { version: await version(c.id), ...form });
    expect(again.changed).toBe(false);
    const onlyIncident = await setRelatedRecords(agent, c.number, {
      version: await version(c.id),
      incident: "",
    });
    expect(onlyIncident.changed).toBe(true);
    await setRelatedRecords(agent, c.number, { version: await version(c.id), incident: incident.number });
    expect(await db().case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      incidentId: incident.id,
      problemId: problem.id,
      changeId: change.id,
      causedById: change.id,
    });
    const notes = (
      await db().journalEntry.findMany({
        where: { table: TABLE.case, recordId: c.id },
        orderBy: { id: "asc" },
      })
    ).map((n) => n.body);
    expect(notes).toEqual(
      expect.arrayContaining([
        `Problem ${problem.number} linked to this case.`,
        `Caused by Change ${change.number} linked to this case.`,
        `Associated with incident ${incident.number}.`,
      ]),
    );
    await setRelatedRecords(agent, c.number, { version: await version(c.id), problem: "", incident: "" });
    expect(await db().case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      incidentId: null,
      problemId: null,
      changeId: change.id,
    });
    expect(
      await db().auditEntry.count({ where: { table: TABLE.case, recordId: c.id, field: "problemId" } }),
    ).toBe(2);
  });

  it("REL-1: an unknown number or a wrong prefix names the field; nothing changes", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await expect(
      setRelatedRecords(agent, c.number, { version: c.version, problem: "PRB9999999" }),
    ).rejects.toMatchObject({ field: "problem", message: "Problem: there is no record PRB9999999." });
    await expect(
      setRelatedRecords(agent, c.number, { version: c.version, change: "INC0010001" }),
    ).rejects.toMatchObject({ field: "change" });
    expect(await version(c.id)).toBe(c.version);
  });

  it("MAJ-3: a child case's related records are read-only; REC-6: a stale form is refused", async () => {
    const agent = await makeAgent();
    const parent = await makeCase(agent);
    const child = await makeCase(agent);
    await db().case.update({ where: { id: child.id }, data: { parentId: parent.id } });
    await expect(
      setRelatedRecords(agent, child.number, {
        version: await version(child.id),
        problem: (await problemRow()).number,
      }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    const c = await makeCase(agent);
    await setRelatedRecords(agent, c.number, { version: c.version, problem: (await problemRow()).number });
    await expect(
      setRelatedRecords(agent, c.number, { version: c.version, problem: "" }),
    ).rejects.toMatchObject({ kind: "conflict" });
  });

  it("ROLE-1: an agent with only incident read cannot change related records", async () => {
    const c = await makeCase(await makeAgent());
    await expect(
      setRelatedRecords(await makeViewer(), c.number, {
        version: c.version,
        problem: (await problemRow()).number,
      }),
    ).rejects.toMatchObject({ kind: "forbidden" });
  });
});
