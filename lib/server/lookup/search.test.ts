import { describe, expect, it } from "vitest";
import {
  makeAccount,
  makeAgent,
  makeAdmin,
  makeCase,
  makeItil,
  makeManager,
  makeUser,
  unique,
} from "@/lib/testing/fixtures";
import { ROLE } from "@/lib/domain/auth/roles";
import { addGroupMember, createGroup } from "../assignment/write";
import { numberOrFields } from "../text-search";
import { listIncidents } from "../incidents/read";
import { createIncident } from "../incidents/write";
import { addAffectedAccount } from "../proactive/accounts";
import { createChangeFromCase, createProblemFromCase } from "../cases/create-related";
import { LOOKUP_KINDS, lookup } from "./search";
import { getCaseView } from "../cases/view";
import { db } from "@/lib/db";

describe("lookup input (REL-1)", () => {
  it("REL-1: names inherited by every object are no lookup kinds: not found, never a crash", async () => {
    const agent = await makeAgent();
    for (const kind of ["hasOwnProperty", "__proto__", "valueOf", "constructor", "toString", "nope"])
      await expect(lookup(agent, kind, new URLSearchParams()), kind).rejects.toMatchObject({
        kind: "not_found",
      });
    expect(LOOKUP_KINDS).toContain("accounts");
  });

  it("REL-8: a long search text cut at 100 characters never splits an emoji (half of one was a 500)", async () => {
    const agent = await makeAgent();
    const q = `${"a".repeat(99)}\u{1F600}tail`;
    expect(await lookup(agent, "users", new URLSearchParams({ q }))).toEqual([]);
    expect(await lookup(agent, "accounts", new URLSearchParams({ q }))).toEqual([]);
    expect((await listIncidents(agent, { q, state: "all" })).rows).toEqual([]);
  });

  it("REL-1: a search text with a control character is refused naming it", async () => {
    const agent = await makeAgent();
    await expect(lookup(agent, "accounts", new URLSearchParams({ q: "Acme\u0000" }))).rejects.toMatchObject({
      kind: "invalid",
      field: "q",
      message: "Search text contains a control character (U+0000); remove it and try again.",
    });
    expect(await lookup(agent, "accounts", new URLSearchParams({ q: "Acme" }))).toBeInstanceOf(Array);
  });

  it("REL-1: % and _ in a lookup's search text match themselves on both databases; case is still ignored", async () => {
    const admin = await makeAdmin();
    const tag = unique("Lk");
    for (const name of ["100% sure", "100 x sure", "a_b", "axb"])
      await createGroup(admin, { name: `${tag} ${name}` });
    const found = async (q: string) =>
      (await lookup(admin, "groups", new URLSearchParams({ q })))
        .map((o) => o.label)
        .filter((label) => label.startsWith(tag))
        .map((label) => label.slice(tag.length + 1));
    expect(await found(`${tag} 100%`)).toEqual(["100% sure"]);
    expect(await found("a_b")).toEqual(["a_b"]);
    expect(await found(`${tag.toUpperCase()} A_B`)).toEqual(["a_b"]); // case ignored, as before
    expect(await found(`${tag} 100`)).toEqual(["100 x sure", "100% sure"]);
  });

  it("PERF-8: a picker's word search leaves out the number column, and still finds a record by any piece of its number", async () => {
    const agent = await makeAgent();
    const tag = unique("Pk");
    const kase = await makeCase(agent, { shortDescription: `${tag} printer jam` });
    const account = await makeAccount({ name: `${tag} Ltd` });
    const labels = async (kind: string, q: string) =>
      (await lookup(agent, kind, new URLSearchParams({ q, limit: "200" }))).map((o) => o.label);
    expect(await labels("cases", `${tag} printer`)).toEqual([kase.number]);
    // Whole, without its first letter, lower case, digits only: the number is searched each time.
    for (const q of [kase.number, kase.number.slice(1).toLowerCase(), kase.number.slice(3)])
      expect(await labels("cases", q), q).toContain(kase.number);
    // The problem and change pickers, each with its own prefix (a wrong kind would lose these).
    const manager = await makeManager();
    const problem = await createProblemFromCase(agent, kase.number);
    const change = await createChangeFromCase(agent, kase.number, { type: "normal" });
    for (const [kind, number] of [
      ["problems", problem.number],
      ["changes", change.number],
    ]) {
      const found = async (q: string) =>
        (await lookup(manager, kind, new URLSearchParams({ q, limit: "200" }))).map((o) => o.label);
      expect(await found(`${tag} printer`), kind).toEqual([number]);
      for (const q of [number.slice(1).toLowerCase(), number.slice(2, 6)])
        expect(await found(q), q).toContain(number);
    }
    expect(await labels("accounts", tag)).toEqual([account.name]);
    expect(await labels("accounts", account.number.toLowerCase())).toEqual([account.name]);
    // The incident list's search box (a whole number goes to the number's start, as before).
    const { number } = await createIncident(await makeItil(), { shortDescription: `${tag} router down` });
    const listed = async (q: string) =>
      (await listIncidents(agent, { q, state: "all" })).rows.map((r) => r.number);
    expect(await listed(`${tag} router`)).toEqual([number]);
    for (const q of [number, number.slice(2), `nc${number.slice(3, 8)}`])
      expect(await listed(q), q).toContain(number);
    // What the pickers ask for: the number column only for text a number of that kind can hold.
    const fields = (where: ReturnType<typeof numberOrFields>) => where.OR?.flatMap((f) => Object.keys(f));
    expect(fields(numberOrFields("case", "printer", ["shortDescription"]))).toEqual(["shortDescription"]);
    expect(fields(numberOrFields("case", "s0012", ["shortDescription"]))).toEqual([
      "number",
      "shortDescription",
    ]);
    expect(fields(numberOrFields("account", "Acme", ["name"]))).toEqual(["name"]);
    expect(fields(numberOrFields("incident", "nc", ["shortDescription"]))).toEqual([
      "number",
      "shortDescription",
    ]);
    expect(numberOrFields("incident", "", ["shortDescription"])).toEqual({});
  });
});

describe("the people lookup (WRK-1)", () => {
  it("WRK-1: Add member's typeahead leaves out the group's members; Assigned to's offers only them", async () => {
    const admin = await makeAdmin();
    const tag = unique("Pm");
    const inside = await makeUser([ROLE.agent], { name: `${tag} Inside` });
    await makeUser([ROLE.agent], { name: `${tag} Outside` });
    const group = await createGroup(admin, { name: `${tag} group` });
    await addGroupMember(admin, group.id, { userId: inside.id });
    const people = async (params: Record<string, string>) =>
      (await lookup(admin, "users", new URLSearchParams({ q: tag, ...params }))).map((o) => o.label);
    expect(await people({})).toEqual([`${tag} Inside`, `${tag} Outside`]);
    expect(await people({ notMemberOf: String(group.id) })).toEqual([`${tag} Outside`]);
    expect(await people({ group: String(group.id) })).toEqual([`${tag} Inside`]);
    // Both at once: members of one group who are not in another.
    expect(await people({ group: String(group.id), notMemberOf: String(group.id) })).toEqual([]);
  });

  it("WRK-1 / ADM-3: a user without a role is offered nowhere (member, manager, assignee), and refused with the reason", async () => {
    const admin = await makeAdmin();
    const tag = unique("Nr");
    const none = await makeUser([], { name: `${tag} Norole` });
    await makeUser([ROLE.agent], { name: `${tag} Agent` });
    const group = await createGroup(admin, { name: `${tag} group` });
    const people = async (params: Record<string, string>) =>
      (await lookup(admin, "users", new URLSearchParams({ q: tag, ...params }))).map((o) => o.label);
    expect(await people({})).toEqual([`${tag} Agent`]);
    expect(await people({ notMemberOf: String(group.id) })).toEqual([`${tag} Agent`]);
    await expect(addGroupMember(admin, group.id, { userId: none.id })).rejects.toMatchObject({
      field: "userId",
      message: "Member: pick an active internal user with a role (a user without one can work nothing).",
    });
    // A member whose roles were taken away later is not offered under Assigned to on the case page.
    const later = await makeUser([ROLE.agent], { name: `${tag} Later` });
    await addGroupMember(admin, group.id, { userId: later.id });
    const agent = await makeAgent();
    const kase = await makeCase(agent, { assignmentGroupId: group.id });
    await db().userRole.deleteMany({ where: { userId: later.id } });
    const members = (await getCaseView(agent, kase.number)).options.members ?? [];
    expect(members.map((m) => m.label)).not.toContain(`${tag} Later`);
  });
});

describe("Add affected account's picker (PRO-1)", () => {
  it("PRO-1: notAffectedBy leaves out the accounts the incident lists; ignored for one who cannot read incidents", async () => {
    const itil = await makeItil();
    const tag = unique("Affected ");
    const listed = await makeAccount({ name: `${tag} Listed` });
    await makeAccount({ name: `${tag} Other` });
    const { number } = await createIncident(itil, { shortDescription: "Outage" });
    await addAffectedAccount(itil, number, { accountId: String(listed.id) });
    const incident = await db().incident.findUniqueOrThrow({ where: { number } });
    const names = async (as: Parameters<typeof lookup>[0], params: Record<string, string>) =>
      (await lookup(as, "accounts", new URLSearchParams({ q: tag, ...params }))).map((o) => o.label).sort();
    expect(await names(itil, { notAffectedBy: String(incident.id) })).toEqual([`${tag} Other`]);
    expect(await names(itil, {})).toEqual([`${tag} Listed`, `${tag} Other`]);
    // An agent without incident read learns nothing of the incident from the picker.
    const noIncidents = await makeUser([ROLE.agent]);
    expect(await names(noIncidents, { notAffectedBy: String(incident.id) })).toEqual([
      `${tag} Listed`,
      `${tag} Other`,
    ]);
  });
});
