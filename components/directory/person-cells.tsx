import type { FormAction } from "@/components/ui/use-action-form";
import { ActiveToggle } from "./active-toggle";
import { InviteButton } from "./invite-button";
import { EditPersonButton, type PersonRow } from "./person-dialog";
import { EmailText } from "@/components/ui/email-text";

const DEACTIVATE =
  "They are signed out now, their API tokens are revoked, and they can no longer sign in to the portal. " +
  "Their cases stay as they are. You can reactivate them later.";

/**
 * SET-2, SET-4: the cells a contact's or consumer's row ends with — Active (Deactivate / Reactivate),
 * and Edit and Invite (Invite again for someone who has a password).
 */
/** The cells a contact's or consumer's row starts with: name, email (and whether they can sign in yet), phone. */
export function PersonIdentity({
  person,
}: {
  person: PersonRow & { canSignIn: boolean; mayInvite: boolean };
}) {
  return (
    <>
      <td>
        <div className="font-medium text-slate-900">{person.name}</div>
        <EmailText email={person.email} className="block text-xs text-slate-500" />
        {!person.mayInvite ? (
          <div className="text-xs text-slate-500">No portal role — no sign-in</div>
        ) : (
          !person.canSignIn && <div className="text-xs text-amber-800">No password yet — invite them</div>
        )}
      </td>
      <td className="cf-nowrap">{person.phone ?? <span className="text-slate-400">—</span>}</td>
    </>
  );
}

export function PersonCells({
  person,
  setActive,
  update,
  portalRoles,
}: {
  person: PersonRow & { active: boolean; canSignIn: boolean; mayInvite: boolean };
  setActive: FormAction;
  update: FormAction;
  portalRoles?: readonly string[];
}) {
  return (
    <>
      <td>
        <ActiveToggle
          action={setActive}
          fields={{ userId: String(person.id) }}
          active={person.active}
          name={person.name}
          deactivateIntro={DEACTIVATE}
        />
      </td>
      <td>
        <div className="flex items-center gap-1 whitespace-nowrap">
          <EditPersonButton person={person} action={update} portalRoles={portalRoles} />
          {person.active && person.mayInvite && (
            <InviteButton userId={person.id} hasPassword={person.canSignIn} />
          )}
        </div>
      </td>
    </>
  );
}
