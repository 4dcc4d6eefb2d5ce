"use client";
import { useState } from "react";

/**
 * SPEC §3: a contact's portal roles, one checkbox each, sent as one comma-separated `roles` field
 * (snc_external is the server's to add). `idPrefix` keeps the ids unique when the field shows twice.
 */
export function PortalRolesField({
  roles,
  initial,
  idPrefix,
  error,
}: {
  roles: readonly string[];
  initial: readonly string[];
  idPrefix: string;
  error?: string;
}) {
  const [chosen, setChosen] = useState<string[]>([...initial]);
  return (
    <fieldset>
      <legend className="mb-1 text-xs font-semibold text-slate-600">Portal roles</legend>
      <input type="hidden" name="roles" value={chosen.join(",")} />
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {roles.map((role) => (
          <label key={role} htmlFor={`${idPrefix}-${role}`} className="flex items-center gap-1.5 text-sm">
            <input
              id={`${idPrefix}-${role}`}
              type="checkbox"
              checked={chosen.includes(role)}
              onChange={(e) =>
                setChosen((c) => (e.target.checked ? [...c, role] : c.filter((r) => r !== role)))
              }
              className="h-4 w-4 rounded border-slate-400 accent-brand-600"
              // The hidden field is the state's: a click before the script ran is held until then.
              data-needs-script=""
            />
            {role}
          </label>
        ))}
      </div>
      {error && (
        <p className="mt-1 text-xs font-medium text-red-700" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
