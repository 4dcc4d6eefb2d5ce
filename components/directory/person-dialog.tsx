"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogForm } from "@/components/ui/dialog-form";
import { Modal } from "@/components/ui/modal";
import type { FormAction } from "@/components/ui/use-action-form";
import { PersonFields } from "./person-fields";
import { PortalRolesField } from "./portal-roles-field";

export type PersonRow = {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  version: number;
  roles?: string[];
};

/**
 * SET-2: Edit a contact or consumer in a dialog — Name, Email, Phone and, for contacts, Portal roles —
 * from the version shown (REC-6: a stale one is refused in the dialog).
 */
export function EditPersonButton({
  person,
  action,
  portalRoles,
}: {
  person: PersonRow;
  action: FormAction;
  /** The roles a contact may hold; absent for consumers. */
  portalRoles?: readonly string[];
}) {
  const [open, setOpen] = useState(false);
  const prefix = `edit-${person.id}`;
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)} aria-label={`Edit ${person.name}`}>
        Edit
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={`Edit ${person.name}`}>
        <DialogForm
          action={action}
          onDone={() => setOpen(false)}
          onCancel={() => setOpen(false)}
          submit="Save"
          pendingText="Saving…"
        >
          {(err) => (
            <div className="space-y-3">
              <input type="hidden" name="userId" value={person.id} />
              <input type="hidden" name="version" value={person.version} />
              <PersonFields person={person} err={err} idPrefix={prefix} />
              {portalRoles && (
                <PortalRolesField
                  roles={portalRoles}
                  initial={(person.roles ?? []).filter((r) => portalRoles.includes(r))}
                  idPrefix={prefix}
                  error={err("roles")}
                />
              )}
              {err("version") && (
                <p role="alert" className="text-sm text-red-700">
                  {err("version")}
                </p>
              )}
            </div>
          )}
        </DialogForm>
      </Modal>
    </>
  );
}
