import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import {
  makeAccount,
  makeAdmin,
  makeAgent,
  makeCase,
  makeCustomer,
  makeItil,
  makeUser,
} from "@/lib/testing/fixtures";
import { fieldError, makeFieldCase, makeWorkOrder } from "@/lib/testing/work-orders";
import { addRelatedAccount, removeRelatedAccount } from "../directory/relationships";
import { lookup } from "../lookup/search";
import { partnerOptions } from "../lookup/choices";
import { updateWorkOrder } from "../work-orders/update";
import { getCaseView } from "./view";
import { createCase, updateCase } from "./write";

// SPEC §1: a case's partner is one of its account's related accounts (partner ↔ customer). A partner
// of another account would make the case visible to that partner's users (ROLE-3: a partner sees
// the cases where they are the partner contact), so every way in holds the line, and the Partner
// picker offers the account's partners only.

async function relatedPair() {
  const admin = await makeAdmin();
  const { account, contact } = await makeCustomer();
  const partner = await makeAccount({ partner: true });
  const stranger = await makeAccount({ partner: true });
  const acc = await db().account.findUniqueOrThrow({ where: { id: account.id } });
  await addRelatedAccount(admin, acc.number, { otherAccountId: partner.id });
  return { admin, account: acc, contact, partner, stranger };
}

describe("a case's Partner is a partner of its account (SPEC §1, SET-2, ROLE-3)", () => {
  it("SET-2 / ROLE-3: a partner not related to the case's account is refused, naming the field; a related one is kept", async () => {
    const agent = await makeAgent();
    const { account, partner, stranger } = await relatedPair();
    const before = await db().case.count();
    expect(
      await fieldError(
        createCase(agent, { shortDescription: "x", accountId: account.id, partnerId: stranger.id }),
      ),
    ).toEqual({
      kind: "invalid",
      field: "partnerId",
      message:
        `Partner: ${stranger.name} is not a partner of the case's account ` +
        "(an administrator relates them on the account's page).",
    });
    expect(await db().case.count()).toBe(before);

    const c = await makeCase(agent, { accountId: account.id, partnerId: partner.id });
    expect(c.partnerId).toBe(partner.id);
    // Moving the case to another account keeps no partner of the old one.
    const other = await makeCustomer();
    expect(
      (await fieldError(updateCase(agent, c.number, { version: c.version, accountId: other.account.id })))
        .field,
    ).toBe("partnerId");
    // Without an account any partner may be named; a partner's own case names its own account.
    await makeCase(agent, { partnerId: stranger.id });
    await makeCase(agent, { accountId: partner.id, partnerId: partner.id });
  });

  it("SET-2 / ROLE-3: a partner contact needs the partner: clearing the partner alone, or naming a contact without one, is refused", async () => {
    const agent = await makeAgent();
    const f = await makeFieldCase(agent);
    expect(
      await fieldError(updateCase(agent, f.c.number, { version: f.c.version, partnerId: null })),
    ).toEqual({
      kind: "invalid",
      field: "partnerContactId",
      message: "Partner contact: pick the partner too, or clear the partner contact.",
    });
    // A customer's contact named as partner contact, without a partner, is refused too.
    expect(
      (await fieldError(createCase(agent, { shortDescription: "x", partnerContactId: f.contact.id }))).field,
    ).toBe("partnerContactId");
    await updateCase(agent, f.c.number, { version: f.c.version, partnerId: null, partnerContactId: null });
    const row = await db().case.findUniqueOrThrow({ where: { id: f.c.id } });
    expect([row.partnerId, row.partnerContactId]).toEqual([null, null]);
  });

  it("SET-2: a relationship ended after the partner was set does not stop the case being edited", async () => {
    const agent = await makeAgent();
    const { admin, account, partner } = await relatedPair();
    const c = await makeCase(agent, { accountId: account.id, partnerId: partner.id });
    await removeRelatedAccount(admin, account.number, { otherAccountId: partner.id });
    // A reference edit (the assignee) runs the reference checks: the old partner stays.
    await updateCase(agent, c.number, { version: c.version, priority: 2, assignedToId: agent.id });
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect([row.partnerId, row.priority, row.assignedToId]).toEqual([partner.id, 2, agent.id]);
    // Naming one of that partner's contacts anew is refused: they would gain sight of the case.
    const other = await makeUser([ROLE.partner, ROLE.external], { kind: "contact", accountId: partner.id });
    expect(
      (await fieldError(updateCase(agent, c.number, { version: c.version + 1, partnerContactId: other.id })))
        .field,
    ).toBe("partnerId");
    // An account that stopped being a partner stays on the case too.
    await db().account.update({ where: { id: partner.id }, data: { isPartner: false } });
    await updateCase(agent, c.number, { version: c.version + 1, assignedToId: null });
  });

  it("FSM-3 / SET-2: a work order's Partner follows its Account too", async () => {
    const [agent, itil] = await Promise.all([makeAgent(), makeItil()]); // FSM-5: itil works work orders
    const f = await makeFieldCase(agent);
    const wo = await makeWorkOrder(agent, f.c.number);
    const stranger = await makeAccount({ partner: true });
    expect(
      (
        await fieldError(
          updateWorkOrder(itil, wo.number, {
            version: wo.version,
            partnerId: stranger.id,
            partnerContactId: null,
          }),
        )
      ).field,
    ).toBe("partnerId");
    expect((await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).partnerId).toBe(f.partner.id);
  });

  it("SET-2: the Partner picker offers the account's partners — on the case page, the work order page and the lookup", async () => {
    const agent = await makeAgent();
    const { admin, account, partner, stranger } = await relatedPair();
    const c = await makeCase(agent, { accountId: account.id, partnerId: partner.id });
    const view = await getCaseView(agent, c.number);
    expect(view.options.partners).toEqual([{ value: partner.id, label: partner.name }]);
    expect(await partnerOptions(account.id)).toEqual([{ value: partner.id, label: partner.name }]);
    const found = await lookup(
      agent,
      "accounts",
      new URLSearchParams({ partner: "1", partnerOf: String(account.id) }),
    );
    expect(found.map((o) => o.id)).toEqual([partner.id]);
    // The search text still narrows: a word of no partner of the account finds none.
    const typed = (q: string) =>
      lookup(agent, "accounts", new URLSearchParams({ q, partner: "1", partnerOf: String(account.id) }));
    expect((await typed(partner.name.slice(-6))).map((o) => o.id)).toEqual([partner.id]);
    expect(await typed("zz-no-such-partner")).toEqual([]);
    // A partner account's own partners include itself (a partner's own case).
    const own = await lookup(
      agent,
      "accounts",
      new URLSearchParams({ partner: "1", partnerOf: String(stranger.id) }),
    );
    expect(own.map((o) => o.id)).toEqual([stranger.id]);
    // Without an account every partner is offered (the shared list); a new relationship shows at once.
    const noAccount = await makeCase(agent, {});
    expect((await getCaseView(agent, noAccount.number)).options.partners).toBeUndefined();
    await addRelatedAccount(admin, account.number, { otherAccountId: stranger.id });
    expect((await partnerOptions(account.id))?.map((o) => o.value).sort()).toEqual(
      [partner.id, stranger.id].sort(),
    );
  });
});
