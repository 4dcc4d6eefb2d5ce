"use client";
import {
  addUserRoleAction,
  removeUserRoleAction,
  setUserActiveAction,
} from "@/app/(workspace)/admin/users/actions";
import { Badge } from "@/components/ui/badge";
import { RowOutcome } from "@/components/admin/row-outcome";
import { controlClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

export type UserRowData = {
  id: number;
  name: string;
  email: string;
  kind: string;
  active: boolean;
  account: { name: string } | null;
  roles: string[];
};

/** One small form of a row: hidden fields, its controls, and what it answered. */
function RowForm({
  action,
  fields,
  children,
}: {
  action: FormAction;
  fields: Record<string, string>;
  children: (pending: boolean) => React.ReactNode;
}) {
  const { result, pending, onSubmit } = useActionForm(action);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-1">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children(pending)}
      <RowOutcome result={result} />
    </form>
  );
}

/** ADM-3: a user with their roles (remove one, add one their kind may hold) and the Deactivate / Reactivate button. */
export function UserRow({
  user,
  assignable,
  fixedRoles,
}: {
  user: UserRowData;
  assignable: readonly string[];
  fixedRoles: readonly string[];
}) {
  const id = String(user.id);
  const missing = assignable.filter((r) => !user.roles.includes(r));
  return (
    <tr>
      <td>
        <div className="font-medium text-slate-900">{user.name}</div>
        <div className="break-all text-xs text-slate-500">{user.email}</div>
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
              {!fixedRoles.includes(role) && (
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
                  className={controlClass() + " w-auto py-0.5 text-xs"}
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
        <RowForm action={setUserActiveAction} fields={{ userId: id, active: String(!user.active) }}>
          {(pending) => (
            <>
              <Badge tone={user.active ? "green" : "gray"}>{user.active ? "Active" : "Inactive"}</Badge>
              <SubmitButton
                pending={pending}
                variant={user.active ? "danger" : "secondary"}
                pendingText="Saving…"
              >
                {user.active ? "Deactivate" : "Reactivate"}
              </SubmitButton>
            </>
          )}
        </RowForm>
      </td>
    </tr>
  );
}
