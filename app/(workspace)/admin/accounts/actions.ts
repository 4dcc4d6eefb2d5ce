"use server";
import type { ActionResult } from "@/lib/domain/action-result";
import { canManageDirectory } from "@/lib/domain/directory/access";
import type {
  AccountCreateInput,
  AccountUpdateInput,
  AssetCreateInput,
  AssetUpdateInput,
  ContactCreateInput,
  ContactUpdateInput,
} from "@/lib/domain/directory/schemas";
import { formObject, recordNumber } from "@/lib/domain/validation";
import { runAction } from "@/lib/server/auth/action";
import { createAccount, setAccountActive, updateAccount } from "@/lib/server/directory/accounts";
import { createAsset, updateAsset } from "@/lib/server/directory/assets";
import { createContact, setPersonActive, updateContact } from "@/lib/server/directory/contacts";
import { addRelatedAccount, removeRelatedAccount } from "@/lib/server/directory/relationships";

// SET-2: every action checks the role itself (runAction) and again in its service (ROLE-2); the
// services parse their own input. Account numbers arrive bound, user ids and asset numbers as fields.
const accountPaths = (number?: string) => [
  "/admin/accounts",
  ...(number ? [`/admin/accounts/${number}`] : []),
];
type Form = Record<string, string>;

export async function createAccountAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "createAccount",
    allow: canManageDirectory,
    run: (actor) => createAccount(actor, formObject<AccountCreateInput>(form)),
    revalidate: () => accountPaths(),
    success: (a) => `Account ${a.name} (${a.number}) created.`,
  });
}

export async function updateAccountAction(number: string, _prev: ActionResult | null, form: FormData) {
  return runAction({
    name: "updateAccount",
    allow: canManageDirectory,
    run: (actor) =>
      updateAccount(actor, recordNumber(number, "The account"), formObject<AccountUpdateInput>(form)),
    revalidate: (r) => accountPaths(r.number),
    success: (r) => (r.changed ? "Account saved." : "No changes to save."),
  });
}

export async function setAccountActiveAction(number: string, _prev: ActionResult | null, form: FormData) {
  return runAction({
    name: "setAccountActive",
    allow: canManageDirectory,
    run: (actor) => setAccountActive(actor, recordNumber(number, "The account"), formObject(form)),
    revalidate: (r) => accountPaths(r.number),
    success: (r) =>
      !r.changed
        ? "No change."
        : r.contacts
          ? `${r.name} deactivated with its ${r.contacts} active contact${r.contacts === 1 ? "" : "s"}.`
          : `${r.name} ${formObject<Form>(form).active === "true" ? "reactivated" : "deactivated"}.`,
  });
}

export async function addRelatedAccountAction(number: string, _prev: ActionResult | null, form: FormData) {
  return runAction({
    name: "addRelatedAccount",
    allow: canManageDirectory,
    run: (actor) => addRelatedAccount(actor, recordNumber(number, "The account"), formObject(form)),
    revalidate: () => accountPaths(number),
    success: (r) =>
      r.changed ? `${r.partner} is now a partner of ${r.customer}.` : "They are already related.",
  });
}

export async function removeRelatedAccountAction(number: string, _prev: ActionResult | null, form: FormData) {
  return runAction({
    name: "removeRelatedAccount",
    allow: canManageDirectory,
    run: (actor) => removeRelatedAccount(actor, recordNumber(number, "The account"), formObject(form)),
    revalidate: () => accountPaths(number),
    success: (r) => (r.changed ? `${r.partner} is no longer a partner of ${r.customer}.` : "No change."),
  });
}

export async function createContactAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "createContact",
    allow: canManageDirectory,
    run: (actor) => createContact(actor, formObject<ContactCreateInput>(form)),
    revalidate: (c) => accountPaths(c.accountNumber),
    success: (c) => `Contact ${c.name} <${c.email}> added.`,
  });
}

export async function updateContactAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "updateContact",
    allow: canManageDirectory,
    run: (actor) => {
      const { userId, ...fields } = formObject<ContactUpdateInput & { userId?: string }>(form);
      return updateContact(actor, userId, fields);
    },
    revalidate: (r) => accountPaths(r.accountNumber ?? undefined),
    success: (r) => (r.changed ? `${r.name} saved.` : "No changes to save."),
  });
}

export async function setContactActiveAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction({
    name: "setContactActive",
    allow: canManageDirectory,
    run: (actor) => {
      const { userId, active } = formObject<Form>(form);
      return setPersonActive(actor, userId, "contact", { active });
    },
    revalidate: (r) => accountPaths(r.accountNumber ?? undefined),
    success: (r) =>
      !r.changed ? "No change." : r.active ? `${r.name} reactivated.` : `${r.name} deactivated.`,
  });
}

export async function createAssetAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "createAsset",
    allow: canManageDirectory,
    run: (actor) => createAsset(actor, formObject<AssetCreateInput>(form)),
    revalidate: (a) => accountPaths(a.accountNumber),
    success: (a) => `Asset ${a.name} (${a.number}) added.`,
  });
}

export async function updateAssetAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction({
    name: "updateAsset",
    allow: canManageDirectory,
    run: (actor) => {
      const { assetNumber, ...fields } = formObject<AssetUpdateInput & { assetNumber?: string }>(form);
      return updateAsset(actor, recordNumber(assetNumber, "The asset"), fields);
    },
    revalidate: (r) => ["/admin/accounts", ...r.accountNumbers.map((n) => `/admin/accounts/${n}`)],
    success: (r) => (r.changed ? `Asset ${r.number} saved.` : "No changes to save."),
  });
}
