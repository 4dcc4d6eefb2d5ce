import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { makeAccount, makeAgent, makeCase, makeCustomer, makeUser } from "@/lib/testing/fixtures";
import { createCase, updateCase } from "./write";

// SET-2 / REL-1: the pickers offer only active accounts, contacts and consumers; the server holds
// the same line for every way in (the form, the Table API), and a party deactivated since it was
// set does not stop the case from being edited.

const deactivateAccount = (id: number) => db().account.update({ where: { id }, data: { active: false } });
const deactivateUser = (id: number) => db().user.update({ where: { id }, data: { active: false } });

describe("a case's parties must be active when they are set (SET-2, REL-1)", () => {
  it("SET-2 / REL-1: a deactivated account, contact, consumer, partner or partner contact is refused on a new case, naming the field", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const partner = await makeAccount({ partner: true });
    const partnerContact = await makeUser([ROLE.partner, ROLE.external], {
      kind: "contact",
      accountId: partner.id,
    });
    const consumer = await makeUser([ROLE.consumer, ROLE.external], { kind: "consumer" });
    const before = await db().case.count();

    await deactivateUser(contact.id);
    await expect(
      createCase(agent, { shortDescription: "x", accountId: account.id, contactId: contact.id }),
    ).rejects.toMatchObject({
      field: "contactId",
      message: `Contact: ${contact.name} is deactivated; pick an active one.`,
    });
    await deactivateAccount(account.id);
    await expect(createCase(agent, { shortDescription: "x", accountId: account.id })).rejects.toMatchObject({
      field: "accountId",
      message: `Account: ${account.name} is deactivated; pick an active one.`,
    });
    await deactivateUser(consumer.id);
    await expect(createCase(agent, { shortDescription: "x", consumerId: consumer.id })).rejects.toMatchObject(
      {
        field: "consumerId",
      },
    );
    await deactivateUser(partnerContact.id);
    await expect(
      createCase(agent, {
        shortDescription: "x",
        partnerId: partner.id,
        partnerContactId: partnerContact.id,
      }),
    ).rejects.toMatchObject({ field: "partnerContactId" });
    await deactivateAccount(partner.id);
    await expect(createCase(agent, { shortDescription: "x", partnerId: partner.id })).rejects.toMatchObject({
      field: "partnerId",
    });
    expect(await db().case.count()).toBe(before);
  });

  it("SET-2: a case whose account and contact were deactivated later is still saved; setting them again is refused", async () => {
    const agent = await makeAgent();
    const { account, contact } = await makeCustomer();
    const other = await makeCustomer();
    const c = await makeCase(agent, { accountId: other.account.id, contactId: other.contact.id });
    await deactivateUser(other.contact.id);
    await deactivateAccount(other.account.id);

    await updateCase(agent, c.number, { version: c.version, priority: 2, shortDescription: "Still here" });
    // Moving the case to an active account and back to the deactivated one: the way back is refused.
    await updateCase(agent, c.number, {
      version: c.version + 1,
      accountId: account.id,
      contactId: contact.id,
    });
    await expect(
      updateCase(agent, c.number, { version: c.version + 2, accountId: other.account.id, contactId: null }),
    ).rejects.toMatchObject({ field: "accountId" });
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect([row.accountId, row.contactId, row.version]).toEqual([account.id, contact.id, c.version + 2]);
  });

  it("ROLE-3: a case for a consumer names no account — refused on creation and on a later edit, so no customer admin of the account sees it", async () => {
    const agent = await makeAgent();
    const { account } = await makeCustomer();
    const consumer = await makeUser([ROLE.consumer, ROLE.external], { kind: "consumer" });
    const before = await db().case.count();
    await expect(
      createCase(agent, { shortDescription: "x", accountId: account.id, consumerId: consumer.id }),
    ).rejects.toMatchObject({
      field: "consumerId",
      message: expect.stringContaining("no account") as string,
    });
    expect(await db().case.count()).toBe(before);
    const c = await makeCase(agent, { consumerId: consumer.id });
    await expect(
      updateCase(agent, c.number, { version: c.version, accountId: account.id }),
    ).rejects.toMatchObject({
      field: "consumerId",
    });
    const held = await makeCase(agent, { accountId: account.id });
    await expect(
      updateCase(agent, held.number, { version: held.version, consumerId: consumer.id }),
    ).rejects.toMatchObject({
      field: "consumerId",
    });
    // Changing the consumer to nobody and setting the account in one save is a B2B case again.
    await updateCase(agent, c.number, { version: c.version, consumerId: null, accountId: account.id });
    expect(await db().case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      consumerId: null,
      accountId: account.id,
    });
  });
});
