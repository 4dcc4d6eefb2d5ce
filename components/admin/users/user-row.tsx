"use client";
import { Link } from "@/components/ui/link";
import { useRef, useState } from "react";
import {
  addUserRoleAction,
  removeUserRoleAction,
  setUserActiveAction,
} from "@/app/(workspace)/admin/users/actions";
import { Badge } from "@/components/ui/badge";
import { InviteButton } from "@/components/directory/invite-button";
import { ConfirmRowAction } from "@/components/admin/confirm-row-action";
import { RowOutcome } from "@/components/admin/row-outcome";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/domain/action-result";
import { mayResetPassword } from "@/lib/domain/auth/password-links";
import { EmailText } from "@/components/ui/email-text";

export type UserRowData = {
  id: number;
  name: string;
  email: string;
  kind: string;
  active: boolean;
  account: { name: string } | null;
  roles: string[];
  canSignIn: boolean;
};

/** One small form of a row: hidden fields, its controls, and what it answered. */
function RowForm({
  action,
  fields,
  onDone,
  children,
}: {
  action: FormAction;
  fields: Record<string, string>;
  /** Success goes here (the caller shows it); refusals still show beside the controls. */
  onDone?: (result: ActionResult) => void;
  children: (pending: boolean) => React.ReactNode;
}) {
  const { result, pending, formProps } = useActionForm(action, onDone);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-1">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children(pending)}
      <RowOutcome result={onDone && result?.ok ? null : result} />
    </form>
  );
}

/**
 * ADM-3: a user with their roles (remove one, add one their kind may hold) and Deactivate (after a
 * confirmation) / Reactivate. The signed-in admin's own row offers neither Deactivate nor removing
 * their admin role: the service refuses both.
 */
export function UserRow({
  user,
  assignable,
  fixedRoles,
  self,
}: {
  user: UserRowData;
  assignable: readonly string[];
  fixedRoles: readonly string[];
  self: boolean;
}) {
  const id = String(user.id);
  const missing = assignable.filter((r) => !user.roles.includes(r));
  const removable = (role: string) => !fixedRoles.includes(role) && !(self && role === "admin");
  return (
    <tr>
      <td>
        <div className="font-medium text-slate-900">{user.name}</div>
        <EmailText email={user.email} className="block text-xs text-slate-500" />
        {/* REC-5: who gave them which role, deactivated or invited them. */}
        <Link
          href={`/admin/audit?area=sys_user&record=${user.id}`}
          className="text-xs text-blue-700 hover:underline"
          aria-label={`History of ${user.name}`}
        >
          History
        </Link>
      </td>
      <td>
        {user.kind}
        {user.account && <div className="text-xs text-slate-500">{user.account.name}</div>}
      </td>
      <td className="space-y-1">
        <ul className="flex flex-wrap gap-1" aria-label={`Roles of ${user.name}`}>
          {user.roles.map((role) => (
            <li key={role} className="flex items-center gap-0.5">
              <Badge tone="blue">{role}</Badge>
              {removable(role) && (
                <RowForm action={removeUserRoleAction} fields={{ userId: id, role }}>
                  {(pending) => (
                    <button
                      type="submit"
                      disabled={pending}
                      aria-label={`Remove role ${role} from ${user.name}`}
                      className="rounded px-1 text-xs text-slate-500 hover:bg-red-50 hover:text-red-700"
                    >
                      ×
                    </button>
                  )}
                </RowForm>
              )}
            </li>
          ))}
        </ul>
        {missing.length > 0 && (
          <RowForm action={addUserRoleAction} fields={{ userId: id }}>
            {(pending) => (
              <>
                <select
                  name="role"
                  aria-label={`Role to add to ${user.name}`}
                  className="max-w-52 rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs"
                >
                  {missing.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
                <SubmitButton pending={pending} variant="secondary" pendingText="Adding…">
                  Add role
                </SubmitButton>
              </>
            )}
          </RowForm>
        )}
      </td>
      <td>
        <ActiveCell user={user} self={self} />
      </td>
      <td>
        {/* SET-4: an external user is invited once they hold a portal role (inviteUser refuses before). */}
        {!mayResetPassword(user) ? (
          <div className="text-xs text-slate-500">No portal role — no sign-in</div>
        ) : (
          <>
            {user.active && !self && <InviteButton userId={user.id} hasPassword={user.canSignIn} />}
            {!user.canSignIn && <div className="mt-1 text-xs text-slate-500">No password yet</div>}
          </>
        )}
      </td>
    </tr>
  );
}

const DEACTIVATE_INTRO =
  "Their sessions end now, their API tokens are revoked, and they can no longer sign in. " +
  "You can reactivate them later; revoked tokens stay revoked.";

/** Active or not, and the way to change it: Deactivate asks first; Reactivate does not. */
function ActiveCell({ user, self }: { user: UserRowData; self: boolean }) {
  const [outcome, setOutcome] = useState<ActionResult | null>(null);
  const cell = useRef<HTMLDivElement>(null);
  const fields = { userId: String(user.id), active: String(!user.active) };
  return (
    <div ref={cell} tabIndex={-1} className="flex flex-wrap items-center gap-1 outline-none">
      <Badge tone={user.active ? "green" : "gray"}>{user.active ? "Active" : "Inactive"}</Badge>
      {self ? (
        <span className="text-xs text-slate-500">You</span>
      ) : user.active ? (
        <ConfirmRowAction
          action={setUserActiveAction}
          fields={fields}
          label="Deactivate"
          title={`Deactivate ${user.name}?`}
          intro={DEACTIVATE_INTRO}
          pendingText="Deactivating…"
          onDone={setOutcome}
          returnFocus={cell}
        />
      ) : (
        <RowForm action={setUserActiveAction} fields={fields} onDone={setOutcome}>
          {(pending) => (
            <SubmitButton pending={pending} variant="secondary" pendingText="Saving…">
              Reactivate
            </SubmitButton>
          )}
        </RowForm>
      )}
      <RowOutcome result={outcome} />
    </div>
  );
}
