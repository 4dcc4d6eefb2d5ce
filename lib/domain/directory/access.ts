// SET-2, SET-4, SET-5: who maintains the customer directory. Admins and customer service managers
// (`admin` holds every internal role, so hasRole covers both); agents only add a contact to the
// account of the case they are working on (the case form's New contact); external users nothing.
import { hasRole, isAdmin, isInternal, ROLE, type Actor } from "../auth/roles";
import { canWriteCases } from "../auth/roles";
import type { UserKind } from "../auth/user-admin";

/** Accounts, contacts, consumers, assets and imports: pages, actions and the Table API. */
export const canManageDirectory = (a: Actor) => isInternal(a) && hasRole(a, ROLE.manager);

/** The case form's New contact (SET-2): whoever works cases. */
export const canAddCaseContact = (a: Actor) => canWriteCases(a) || canManageDirectory(a);

/** SET-4: Invite — internal users by administrators (ADM-3's page), contacts and consumers by the
 *  directory's keepers. */
export const canInvite = (a: Actor, kind: UserKind) =>
  kind === "internal" ? isAdmin(a) : canManageDirectory(a);
