// REL-1: ids from forms are decimal digits only. Number() read `0x1`, `1e0`, ` 1`, `+1` and `1.0` all
// as 1, so a crafted form named a record by another spelling; every spelling but the plain one is
// refused (or not found) and changes nothing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { makeAdmin, makeAgent, makeCase, makeCustomer } from "@/lib/testing/fixtures";
import { makeGroup } from "@/lib/testing/groups";
import { rejection } from "@/lib/testing/refusal";
import { updateCase } from "./cases/write";
import { setPersonActive } from "./directory/contacts";

/** The ways Number() spells `id` that a person never types. */
const otherSpellings = (id: number) => [`0x${id.toString(16)}`, `${id}e0`, ` ${id}`, `+${id}`, `${id}.0`];

async function fieldsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return Object.keys(e.fields ?? { [e.field ?? "form"]: e.message });
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("ids in forms are decimal only (REL-1)", () => {
  it("REL-1: the case form's Assignment group as 0x…, …e0, ' …', '+…' or '….0' is refused naming it; the case is unchanged", async () => {
    const agent = await makeAgent();
    const { group } = await makeGroup();
    const c = await makeCase(agent);
    for (const spelled of otherSpellings(group.id)) {
      const saved = updateCase(agent, c.number, { assignmentGroupId: spelled, version: 1 });
      expect(await fieldsOf(saved), spelled).toEqual(["assignmentGroupId"]);
    }
    // The version is an id of the record's state: the same rule.
    const stale = updateCase(agent, c.number, { assignmentGroupId: String(group.id), version: "0x1" });
    expect(await fieldsOf(stale)).toEqual(["version"]);
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ assignmentGroupId: null, version: 1 });
    await updateCase(agent, c.number, { assignmentGroupId: String(group.id), version: "1" });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).assignmentGroupId).toBe(group.id);
  });

  it("REL-1: a contact's id in the directory's Deactivate form, spelled otherwise, is not found and changes nothing", async () => {
    const admin = await makeAdmin();
    const { contact } = await makeCustomer();
    for (const spelled of otherSpellings(contact.id))
      expect(await rejection(setPersonActive(admin, spelled, "contact", { active: "false" }))).toEqual({
        kind: "not_found",
        message: "The contact was not found.",
      });
    expect((await db().user.findUniqueOrThrow({ where: { id: contact.id } })).active).toBe(true);
    await setPersonActive(admin, String(contact.id), "contact", { active: "false" });
    expect((await db().user.findUniqueOrThrow({ where: { id: contact.id } })).active).toBe(false);
  });
});
