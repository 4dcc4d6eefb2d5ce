import { describe, expect, it } from "vitest";
import { ROLE } from "@/lib/domain/auth/roles";
import { makeAgent, makeCase, makeCustomer, makeUser } from "@/lib/testing/fixtures";
import { updateCase } from "./write";
import { getCaseView } from "./view";
import { listCases } from "./list";
import { lookup } from "../lookup/search";

describe("case page read", () => {
  it("REC-2 / REC-5: the case page shows names for references and labels for choices, in the form and the history", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const c = await makeCase(agent, { accountId: account.id, contactId: contact.id, priority: 2 });
    await updateCase(agent, c.number, { version: c.version, assignedToId: agent.id, priority: 1 });
    const view = await getCaseView(agent, c.number);
    expect(view.record.account).toMatchObject({ id: account.id, name: account.name, number: account.number });
    expect(view.record.contact).toMatchObject({ id: contact.id, name: contact.name });
    expect(view.record.assignedTo).toMatchObject({ id: agent.id, name: agent.name });
    expect(view.record.openedBy?.name).toBe(agent.name);
    const lines = Object.fromEntries(view.audit.map((a) => [`${a.label}:${a.newText}`, a.oldText]));
    expect(lines[`Account:${account.name}`]).toBe("(empty)");
    expect(lines[`Assigned to:${agent.name}`]).toBe("(empty)");
    expect(lines["Priority:1 - Critical"]).toBe("2 - High");
  });

  it("ROLE-1: without an incident role the case page carries no incident", async () => {
    const agent = await makeAgent();
    const plain = await makeUser([ROLE.agent]);
    const c = await makeCase(agent);
    const view = await getCaseView(plain, c.number);
    expect(view.permissions.seesIncidents).toBe(false);
    expect(view.record.incident).toBeNull();
  });

  it("REL-3: an internal user without any workspace role reads no case and searches nothing", async () => {
    const nobody = await makeUser([]);
    const c = await makeCase(await makeAgent());
    await expect(getCaseView(nobody, c.number)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(listCases(nobody, {})).rejects.toMatchObject({ kind: "forbidden" });
    await expect(lookup(nobody, "contacts", new URLSearchParams())).rejects.toMatchObject({
      kind: "forbidden",
    });
    expect(
      (await lookup(await makeAgent(), "users", new URLSearchParams("limit=1.5"))).length,
    ).toBeLessThanOrEqual(1);
  });

  it("ROLE-3: an external user cannot read a case through the workspace view", async () => {
    const agent = await makeAgent();
    const { contact } = await makeCustomer();
    const c = await makeCase(agent);
    await expect(getCaseView(contact, c.number)).rejects.toMatchObject({ kind: "forbidden" });
  });
});
