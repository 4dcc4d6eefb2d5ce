import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { makeAccount, makeAdmin, unique } from "@/lib/testing/fixtures";
import { addUserRole } from "../users/access";
import { updateAccount } from "./accounts";
import { createContact, updateContact } from "./contacts";
import { addRelatedAccount, removeRelatedAccount } from "./relationships";
import { commitImport } from "./import";

// SET-2 / ROLE-3: a contact's portal roles fit their account — partner roles on a partner account,
// customer roles on a customer account — on every way in: the contact form, the users page, imports.

const email = () => `${unique("fit")}@test.example`;
const rolesOf = async (id: number) =>
  (await db().userRole.findMany({ where: { userId: id }, orderBy: { role: "asc" } })).map((r) => r.role);

describe("portal roles fit the account (SET-2, ROLE-3)", () => {
  it("SET-2 / ROLE-3: a partner role on a customer account's contact is refused on create, edit and Add role; nothing changes", async () => {
    const admin = await makeAdmin();
    const customer = await makeAccount();
    const before = await db().user.count();
    await expect(
      createContact(admin, { name: "Odd", email: email(), accountId: customer.id, roles: "partner_admin" }),
    ).rejects.toMatchObject({
      field: "roles",
      message: `The partner_admin role is for contacts of a partner account; ${customer.name} is not one.`,
    });
    expect(await db().user.count()).toBe(before);

    const c = await createContact(admin, { name: "Fine", email: email(), accountId: customer.id });
    const fine = await db().user.findUniqueOrThrow({ where: { id: c.id } });
    await expect(
      updateContact(admin, c.id, {
        name: "Fine",
        email: fine.email,
        roles: "customer, partner",
        version: fine.version,
      }),
    ).rejects.toMatchObject({ field: "roles" });
    await expect(addUserRole(admin, { userId: c.id, role: ROLE.partnerAdmin })).rejects.toMatchObject({
      field: "role",
    });
    expect(await rolesOf(c.id)).toEqual([ROLE.customer, ROLE.external]);
  });

  it("SET-2: a customer role on a partner-only account is refused; an account that is both takes either", async () => {
    const admin = await makeAdmin();
    const partner = await makeAccount({ partner: true });
    await expect(
      createContact(admin, { name: "Odd", email: email(), accountId: partner.id, roles: "customer_admin" }),
    ).rejects.toMatchObject({
      message: `The customer_admin role is for contacts of a customer account; ${partner.name} is not one.`,
    });
    const both = await makeAccount({ partner: true });
    await db().account.update({ where: { id: both.id }, data: { isCustomer: true } });
    const c = await createContact(admin, {
      name: "Both",
      email: email(),
      accountId: both.id,
      roles: "customer_admin, partner_admin",
    });
    expect(await rolesOf(c.id)).toEqual([ROLE.customerAdmin, ROLE.partnerAdmin, ROLE.external].sort());
  });

  it("SET-3 / SET-2: an import row giving a customer account's contact a partner role is an error on Portal roles", async () => {
    const admin = await makeAdmin();
    const customer = await makeAccount();
    const address = email();
    const csv = `email,name,account,portal roles\n${address},Odd,${customer.number},partner_admin\n`;
    const done = await commitImport(admin, { kind: "contacts", csv });
    expect(done.rows[0].errors).toEqual([
      {
        column: "portal roles",
        message: `The partner_admin role is for contacts of a partner account; ${customer.name} is not one.`,
      },
    ]);
    expect(await db().user.count({ where: { email: address } })).toBe(0);
  });

  it("SET-2 / ROLE-3: unticking Partner is refused while a contact holds partner roles or a customer is related; then allowed", async () => {
    const admin = await makeAdmin();
    const partner = await makeAccount({ partner: true });
    const customer = await makeAccount();
    await addRelatedAccount(admin, partner.number, { otherAccountId: customer.id });
    const c = await createContact(admin, {
      name: "Penny Keep",
      email: email(),
      accountId: partner.id,
      roles: "partner, partner_admin",
    });
    const toCustomer = (version: number) =>
      updateAccount(admin, partner.number, {
        name: partner.name,
        isCustomer: "on",
        version: String(version),
      });
    const { version } = await db().account.findUniqueOrThrow({ where: { id: partner.id } });
    await expect(toCustomer(version)).rejects.toMatchObject({
      field: "isPartner",
      message:
        "Partner: Penny Keep still has partner roles, and it is related to 1 customer account; take those away first.",
    });
    expect(await db().account.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({
      isPartner: true,
      version,
    });
    await removeRelatedAccount(admin, partner.number, { otherAccountId: customer.id });
    const person = await db().user.findUniqueOrThrow({ where: { id: c.id } });
    await updateContact(admin, c.id, {
      name: person.name,
      email: person.email,
      roles: "",
      version: person.version,
    });
    const now = await db().account.findUniqueOrThrow({ where: { id: partner.id } });
    await toCustomer(now.version);
    expect(await db().account.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({
      isPartner: false,
      isCustomer: true,
    });
  });

  it("SET-3 / ROLE-3: an import row unticking Partner is refused the same way, naming the Partner column", async () => {
    const admin = await makeAdmin();
    const partner = await makeAccount({ partner: true });
    await createContact(admin, {
      name: "Pia Import",
      email: email(),
      accountId: partner.id,
      roles: "partner_admin",
    });
    const out = await commitImport(admin, {
      kind: "accounts",
      csv: `number,name,customer,partner\n${partner.number},${partner.name},true,false\n`,
    });
    expect(out.rows[0]).toMatchObject({
      outcome: "error",
      errors: [
        { column: "partner", message: "Partner: Pia Import still has partner roles; take those away first." },
      ],
    });
    expect((await db().account.findUniqueOrThrow({ where: { id: partner.id } })).isPartner).toBe(true);
  });

  it("SET-2 / ROLE-3: unticking Partner while another admin gives its contact a partner role: never both", async () => {
    const admin = await makeAdmin();
    for (let round = 0; round < 5; round++) {
      const partner = await makeAccount({ partner: true });
      await db().account.update({ where: { id: partner.id }, data: { isCustomer: true } });
      const c = await createContact(admin, {
        name: "Pat Race",
        email: email(),
        accountId: partner.id,
        roles: "customer",
      });
      const { version } = await db().account.findUniqueOrThrow({ where: { id: partner.id } });
      await Promise.allSettled([
        updateAccount(admin, partner.number, {
          name: partner.name,
          isCustomer: "on",
          version: String(version),
        }),
        addUserRole(admin, { userId: String(c.id), role: ROLE.partnerAdmin }),
      ]);
      const account = await db().account.findUniqueOrThrow({ where: { id: partner.id } });
      const roles = await rolesOf(c.id);
      // A customer-only account with a partner admin is the scope nobody meant to give.
      expect(!account.isPartner && roles.includes(ROLE.partnerAdmin), `round ${round}`).toBe(false);
    }
  });
});
