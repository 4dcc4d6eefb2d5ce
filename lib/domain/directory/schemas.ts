// SET-2: the input of the customer directory's forms, the Table API's writers and the import's rows —
// one set of schemas, so a name, an email or a role is checked the same way wherever it comes from.
import { z } from "zod";
import { assignableRoles, checkAssignable } from "../auth/user-admin";
import { ROLE, type Role } from "../auth/roles";
import {
  LIMITS,
  optionalId,
  optionalText,
  plainText,
  requiredId,
  requiredLine,
  versionField,
} from "../validation";
import { emailField } from "./email";

/** What a service takes: any field may be missing (a form, an API body, an import row); it parses. */
type Loose<T> = { [K in keyof T]?: T[K] };

export const PHONE_MAX = 40;
export const SERIAL_MAX = 100;

/**
 * A checkbox as forms send it ("on", after a hidden "false" — components/directory/check-field.tsx), or
 * a true/false from the API or an import; absent, `fallback`.
 */
export const checkbox = (label: string, fallback: boolean) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? fallback : v === "on" ? true : v),
    z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], {
      error: `${label} must be true or false.`,
    }),
  );

/** A phone number as people write it: digits, spaces and + ( ) - . /, optionally "ext 12". */
export const phoneField = z.preprocess(
  (v) => v ?? "",
  optionalText("Phone", PHONE_MAX).refine(
    (v) => !v || /^\+?[0-9 ()./-]{3,}(?:\s*(?:x|ext\.?)\s*[0-9]{1,6})?$/i.test(v),
    "Phone may only hold digits, spaces and + ( ) - . / (and an extension, e.g. ext 12).",
  ),
);

/** The portal roles of a contact (SPEC §3), as a comma-separated list; snc_external is added by the server. */
export const portalRolesField = z
  .preprocess((v) => (v === null ? "" : v), plainText("Portal roles").max(500))
  .transform((v, ctx) => {
    const roles: Role[] = [];
    for (const name of v
      .split(",")
      .map((r) => r.trim())
      .filter(Boolean)) {
      try {
        const role = checkAssignable("contact", name);
        if (!roles.includes(role)) roles.push(role);
      } catch {
        ctx.addIssue({
          code: "custom",
          message:
            `Portal roles must be among: ${assignableRoles("contact").join(", ")} ` +
            `("${name.slice(0, 40)}" is not).`,
        });
        return z.NEVER;
      }
    }
    return roles;
  });

/** A contact's portal role when none is chosen: partner on a partner-only account, else customer. */
type AccountKind = { name: string; isPartner: boolean; isCustomer: boolean };

/**
 * SET-2 / ROLE-3: a contact's portal roles fit their account — partner roles on a partner account,
 * customer roles on a customer account (an account may be both). A partner admin of a customer
 * account saw every case of it, and of the partners related to it: a scope nobody gave them.
 */
export function portalRoleRefusal(roles: readonly string[], account: AccountKind): string | null {
  const partner = roles.find((r) => r === ROLE.partner || r === ROLE.partnerAdmin);
  if (partner && !account.isPartner)
    return `The ${partner} role is for contacts of a partner account; ${account.name} is not one.`;
  const customer = roles.find((r) => r === ROLE.customer || r === ROLE.customerAdmin);
  if (customer && !account.isCustomer)
    return `The ${customer} role is for contacts of a customer account; ${account.name} is not one.`;
  return null;
}

/** The portal roles the account's contact form offers: those that fit it. */
export const portalRolesFor = (account: AccountKind): Role[] =>
  assignableRoles("contact").filter((r) => !portalRoleRefusal([r], account));

export const defaultPortalRoles = (account: { isPartner: boolean; isCustomer: boolean }): Role[] => [
  account.isPartner && !account.isCustomer ? ROLE.partner : ROLE.customer,
];

const accountFields = {
  name: requiredLine("Name", LIMITS.name),
  isCustomer: checkbox("Customer", true),
  isPartner: checkbox("Partner", false),
};
const needsAType = (v: { isCustomer: boolean; isPartner: boolean }, ctx: z.RefinementCtx) => {
  if (!v.isCustomer && !v.isPartner)
    ctx.addIssue({
      code: "custom",
      path: ["isCustomer"],
      message: "An account is a customer, a partner or both.",
    });
};

export const accountCreateSchema = z.object(accountFields).superRefine(needsAType);
export type AccountCreateInput = Loose<z.input<typeof accountCreateSchema>>;

export const accountUpdateSchema = z
  .object({ ...accountFields, primaryContactId: optionalId("Primary contact"), version: versionField })
  .superRefine(needsAType);
export type AccountUpdateInput = Loose<z.input<typeof accountUpdateSchema>>;

/** Partner ↔ customer (SPEC §1 related accounts): the other account, picked on one account's page. */
export const relationshipSchema = z.object({
  otherAccountId: requiredId("Related account"),
  /** What the other account is to this one; blank: as their kinds say (partnerSide). */
  otherIs: z
    .enum(["", "partner", "customer"], { error: "Related as: choose partner or customer." })
    .optional()
    .transform((v) => v || undefined),
});

const personFields = {
  name: requiredLine("Name", LIMITS.name),
  email: emailField(),
  phone: phoneField.optional(),
};

/** Without `roles` a contact gets the account's default portal role; `roles: ""` gives none. */
export const contactCreateSchema = z.object({
  ...personFields,
  accountId: requiredId("Account"),
  roles: portalRolesField.optional(),
});
export type ContactCreateInput = Loose<z.input<typeof contactCreateSchema>>;

/** Without `roles` a contact's roles stay as they are. */
export const contactUpdateSchema = z.object({
  ...personFields,
  roles: portalRolesField.optional(),
  version: versionField,
});
export type ContactUpdateInput = Loose<z.input<typeof contactUpdateSchema>>;

/** The case form's New contact (SET-2): a person of the case's account; portal roles come later. */
export const caseContactSchema = z.object({ ...personFields, accountId: requiredId("Account") });
export type CaseContactInput = Loose<z.input<typeof caseContactSchema>>;

export const consumerCreateSchema = z.object(personFields);
export type ConsumerCreateInput = Loose<z.input<typeof consumerCreateSchema>>;
export const consumerUpdateSchema = z.object({ ...personFields, version: versionField });
export type ConsumerUpdateInput = Loose<z.input<typeof consumerUpdateSchema>>;

const assetFields = {
  name: requiredLine("Name", LIMITS.name),
  serialNumber: z.preprocess((v) => v ?? "", optionalText("Serial number", SERIAL_MAX)).optional(),
  accountId: requiredId("Account"),
};
export const assetCreateSchema = z.object(assetFields);
export type AssetCreateInput = Loose<z.input<typeof assetCreateSchema>>;
export const assetUpdateSchema = z.object({ ...assetFields, version: versionField });
export type AssetUpdateInput = Loose<z.input<typeof assetUpdateSchema>>;

/** Deactivate / Reactivate a record of the directory. */
export const activeSchema = z.object({
  active: z.preprocess(
    (v) => (typeof v === "boolean" ? String(v) : v),
    z.enum(["true", "false"], { error: "Active must be true or false." }).transform((v) => v === "true"),
  ),
});

/** SET-4: Invite — the user and the click's key (a double click sends one email). */
export const inviteSchema = z.object({
  userId: requiredId("User"),
  requestKey: z
    .string({ error: "The form is missing its key; reload the page." })
    .regex(/^[0-9a-f]{32}$/, "The form's key is not valid; reload the page."),
});
export type InviteInput = Loose<z.input<typeof inviteSchema>>;
