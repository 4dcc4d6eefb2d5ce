"use client";
import { useRef, useState } from "react";
import { useFollowedField } from "@/components/ui/early-value";
import { controlClass, Field } from "@/components/ui/field";

/**
 * FSM-2: a read-only field that shows what another field of the form is set to — Company follows
 * Account, Caller follows Contact. The server sets the stored value the same way on save; this
 * shows the agent what the save will do before they press it.
 */
export function FollowingField({ label, follows, value }: { label: string; follows: string; value: string }) {
  const id = `f-follows-${follows}`;
  const [shown, setShown] = useState(value);
  const ref = useRef<HTMLInputElement>(null);
  useFollowedField(ref, follows, (t) => {
    const picked = t instanceof HTMLSelectElement ? t.selectedOptions[0] : null;
    setShown(!t.value ? "" : picked ? picked.text : (t.dataset.label ?? ""));
  });
  return (
    <Field label={label} id={id} hint={`Follows ${follows === "accountId" ? "Account" : "Contact"}`}>
      <input ref={ref} id={id} readOnly value={shown || "—"} className={controlClass()} />
    </Field>
  );
}
