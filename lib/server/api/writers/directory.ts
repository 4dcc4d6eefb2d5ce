import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/domain/auth/roles";
import { invalid } from "@/lib/domain/errors";
import { createAccount, setAccountActive, updateAccount } from "../../directory/accounts";
import { assertDirectory, requirePerson } from "../../directory/access";
import { createAsset, updateAsset } from "../../directory/assets";
import { createConsumer, updateConsumer } from "../../directory/consumers";
import { createContact, setPersonActive, updateContact } from "../../directory/contacts";
import { hasKeys, type Input, type Writer } from "./types";

// SET-5: the customer directory through the Table API — the same services as its pages
// (/admin/accounts, /admin/consumers; SET-2), so the role check (admins and customer service
// managers), unique names and emails, portal roles, versions (REC-6) and audit (REC-5) are theirs.
// The pages' forms send every field; a PATCH sends only what changes, so the rest is filled from
// the record as it is in the request's transaction. `active` is the pages' Deactivate / Reactivate.

/** A body's `active`, apart from the form's fields: undefined when not given. */
function splitActive(input: Input) {
  const { active, ...fields } = input;
  return { active, fields };
}

/** On POST: a record is made active; `active: false` deactivates it right after, in the same transaction. */
const deactivates = (active: unknown) => active !== undefined && active !== true;

/** customer_account: POST is Create account, PATCH the account form and Deactivate / Reactivate. */
export const accountWriter: Writer = {
  guard: assertDirectory,
  async create(actor, input, tx) {
    const { active, fields } = splitActive(input);
    const { primaryContactId, ...basic } = fields;
    // PRO-2: an account's first contact becomes its primary contact; a new account has none yet.
    if (primaryContactId !== undefined && primaryContactId !== null)
      throw invalid(
        "primaryContactId",
        "primary_contact: a new account has no contacts yet; its first contact becomes its primary contact.",
      );
    const created = await createAccount(actor, basic, tx);
    if (deactivates(active)) await setAccountActive(actor, created.number, { active }, tx);
    return { id: created.id };
  },
  async update(actor, row, input, version, tx) {
    const { active, fields } = splitActive(input);
    const before = await tx.account.findUniqueOrThrow({
      where: { id: Number(row.id) },
      select: { number: true, name: true, isCustomer: true, isPartner: true, primaryContactId: true },
    });
    if (hasKeys(fields)) {
      const { number, ...form } = before;
      await updateAccount(actor, number, { ...form, ...fields, version }, tx);
    }
    if (active !== undefined) await setAccountActive(actor, before.number, { active }, tx);
  },
};

/** A person's form as it is now, for a PATCH that sends only some of it. */
async function personForm(tx: Tx, id: unknown, kind: "contact" | "consumer") {
  const p = await requirePerson(tx, id, kind);
  return { person: p, form: { name: p.name, email: p.email, phone: p.phone } };
}

/** Deactivate / Reactivate a contact or consumer (signed out and tokens revoked at once, SET-2). */
const setActive = (actor: Actor, id: number, kind: "contact" | "consumer", active: unknown, tx: Tx) =>
  setPersonActive(actor, id, kind, { active }, tx);

/**
 * customer_contact: POST is the account page's New contact (`account` required; without `roles`
 * the account's default portal role), PATCH its contact form (`roles` replaces the portal roles;
 * absent, they stay) and Deactivate / Reactivate. A contact stays with their account.
 */
export const contactWriter: Writer = {
  guard: assertDirectory,
  async create(actor, input, tx) {
    const { active, fields } = splitActive(input);
    const created = await createContact(actor, fields, tx);
    if (deactivates(active)) await setActive(actor, created.id, "contact", active, tx);
    return { id: created.id };
  },
  async update(actor, row, input, version, tx) {
    const { active, fields } = splitActive(input);
    const { person, form } = await personForm(tx, row.id, "contact");
    const { accountId, ...rest } = fields;
    // The record as read may be PUT back: its own account is no change.
    if (accountId !== undefined && accountId !== person.accountId)
      throw invalid(
        "accountId",
        "account: a contact stays with their account; add a contact to the other account instead.",
      );
    if (hasKeys(rest)) await updateContact(actor, person.id, { ...form, ...rest, version }, tx);
    if (active !== undefined) await setActive(actor, person.id, "contact", active, tx);
  },
};

/** csm_consumer: POST is /admin/consumers' New consumer, PATCH its form and Deactivate / Reactivate. */
export const consumerWriter: Writer = {
  guard: assertDirectory,
  async create(actor, input, tx) {
    const { active, fields } = splitActive(input);
    const created = await createConsumer(actor, fields, tx);
    if (deactivates(active)) await setActive(actor, created.id, "consumer", active, tx);
    return { id: created.id };
  },
  async update(actor, row, input, version, tx) {
    const { active, fields } = splitActive(input);
    const { person, form } = await personForm(tx, row.id, "consumer");
    if (hasKeys(fields)) await updateConsumer(actor, person.id, { ...form, ...fields, version }, tx);
    if (active !== undefined) await setActive(actor, person.id, "consumer", active, tx);
  },
};

/** alm_asset: POST is the account page's New asset, PATCH its Edit (name, serial number, account). */
export const assetWriter: Writer = {
  guard: assertDirectory,
  async create(actor, input, tx) {
    const created = await createAsset(actor, input, tx);
    return { id: created.id };
  },
  async update(actor, row, input, version, tx) {
    const before = await tx.asset.findUniqueOrThrow({
      where: { id: Number(row.id) },
      select: { number: true, name: true, serialNumber: true, accountId: true },
    });
    if (!hasKeys(input)) return;
    const { number, ...form } = before;
    await updateAsset(actor, number, { ...form, ...input, version }, tx);
  },
};
