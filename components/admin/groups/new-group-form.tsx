"use client";
import { createGroupAction } from "@/app/(workspace)/admin/groups/actions";
import { TextField, type Option } from "@/components/ui/field";
import { PersonField } from "./person-field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { useRef, useState } from "react";

/** WRK-1: a new assignment group — a name and, optionally, a manager. */
export function NewGroupForm({ users }: { users: Option[] | null }) {
  const form = useRef<HTMLFormElement>(null);
  // A new Manager field after each group made: a reset form does not empty a typeahead's state.
  const [made, setMade] = useState(0);
  const {
    result,
    pending,
    fieldError: err,
    formProps,
  } = useActionForm(createGroupAction, () => {
    form.current?.reset();
    setMade((n) => n + 1);
  });
  return (
    <form ref={form} {...formProps} className="flex flex-wrap items-end gap-3" noValidate>
      <TextField
        id="new-group-name"
        label="Name"
        name="name"
        required
        autoComplete="off"
        error={err("name")}
        className="min-w-64 flex-1"
      />
      <PersonField
        key={made}
        id="new-group-manager"
        label="Manager"
        name="managerId"
        users={users}
        blank="— None —"
        error={err("managerId")}
      />
      <SubmitButton pending={pending} pendingText="Creating…">
        Create group
      </SubmitButton>
      <div className="basis-full">
        <Notice result={result && (result.ok || !result.fieldErrors) ? result : null} />
      </div>
    </form>
  );
}
