// ADM-3: which roles each kind of user may hold, and the input of a new user. Pure rules.
import { z } from "zod";
import { invalid } from "../errors";
import { list } from "../records/choices";
import { emailField } from "../directory/email";
import { optionalId, plainText, requiredLine, stringChoice, LIMITS } from "../validation";
import { passwordProblem } from "./password";
import { EXTERNAL_ROLES, INTERNAL_ROLES, ROLE, type Actor, type Role } from "./roles";

export type UserKind = Actor["kind"];
export const USER_KINDS = list<UserKind>([
  ["internal", "Internal user"],
  ["contact", "Contact of an account"],
  ["consumer", "Consumer"],
]);

const CONTACT_ROLES: readonly Role[] = [ROLE.customer, ROLE.customerAdmin, ROLE.partner, ROLE.partnerAdmin];

/**
 * SPEC §3: internal users hold internal roles; contacts of an account the customer and partner
 * roles; consumers the consumer role. `snc_external` is never assigned or removed by hand: every
 * external user holds it (requiredRoles).
 */
export function assignableRoles(kind: UserKind): readonly Role[] {
  if (kind === "internal") return INTERNAL_ROLES;
  return kind === "contact" ? CONTACT_ROLES : [ROLE.consumer];
}

/** The roles a user of this kind always holds. */
export const requiredRoles = (kind: UserKind): Role[] => (kind === "internal" ? [] : [ROLE.external]);

const KIND_TEXT: Record<UserKind, string> = {
  internal: "an internal user",
  contact: "a contact",
  consumer: "a consumer",
};

/** A role that may be given to (or taken from) a user of `kind`, or a field error on Role. */
export function checkAssignable(kind: UserKind, role: string, removing = false): Role {
  if (removing && requiredRoles(kind).includes(role as Role))
    throw invalid("role", `Every external user keeps the ${role} role; it cannot be removed.`);
  const allowed = assignableRoles(kind);
  if (!allowed.includes(role as Role)) {
    const known = [...INTERNAL_ROLES, ...EXTERNAL_ROLES].includes(role as Role);
    throw invalid(
      "role",
      known
        ? `The ${role} role cannot be given to ${KIND_TEXT[kind]} (allowed: ${allowed.join(", ")}).`
        : `Role must be one of: ${allowed.join(", ")}.`,
    );
  }
  return role as Role;
}

/** An administrator may not lock themself out: no deactivating or un-admining their own user. */
export function checkSelfChange(
  actor: Pick<Actor, "id">,
  userId: number,
  change: "deactivate" | "removeAdmin",
) {
  if (actor.id !== userId) return;
  throw change === "deactivate"
    ? invalid("active", "You cannot deactivate your own user; ask another administrator.")
    : invalid("role", "You cannot remove your own admin role; ask another administrator.");
}

/**
 * ADM-3: a new user as the admin form sends it. The email is normalised and checked (SET-2: unique in
 * any letter case, no invisible or lookalike characters). The initial password is optional: without
 * one, the user signs in after following an invitation (SET-4, Invite on their row).
 */
export const newUserSchema = z
  .object({
    name: requiredLine("Name", LIMITS.name),
    email: emailField(),
    kind: stringChoice("Kind", USER_KINDS),
    accountId: optionalId("Account"),
    role: plainText("Role").optional(),
    password: plainText("Initial password").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "contact" && !v.accountId)
      ctx.addIssue({ code: "custom", path: ["accountId"], message: "Account is required for a contact." });
    if (v.kind !== "contact" && v.accountId)
      ctx.addIssue({ code: "custom", path: ["accountId"], message: "Only a contact belongs to an account." });
    const problem = v.password ? passwordProblem(v.password, v.email, "Initial password") : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type NewUserInput = z.input<typeof newUserSchema>;

/**
 * The roles of a new user: the chosen one (checked against the kind) and the required ones. A
 * consumer has one role to hold and holds it unless another is chosen, as on /admin/consumers:
 * without it they could not see the cases email-to-case opens for them (SET-2).
 */
export function initialRoles(kind: UserKind, role: string | undefined): Role[] {
  const chosen = role ? [checkAssignable(kind, role)] : kind === "consumer" ? [ROLE.consumer] : [];
  return [...new Set([...chosen, ...requiredRoles(kind)])];
}
