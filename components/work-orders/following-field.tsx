"use client";
import { useEffect, useRef, useState } from "react";
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
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const listener = (e: Event) => {
      const t = e.target as HTMLInputElement | HTMLSelectElement;
      if (t.name !== follows) return;
      const picked = t instanceof HTMLSelectElement ? t.selectedOptions[0] : null;
      setShown(!t.value ? "" : picked ? picked.text : (t.dataset.label ?? ""));
    };
    form.addEventListener("change", listener);
    return () => form.removeEventListener("change", listener);
  }, [follows]);
  return (
    <Field label={label} id={id} hint={`Follows ${follows === "accountId" ? "Account" : "Contact"}`}>
      <input ref={ref} id={id} readOnly value={shown || "—"} className={controlClass()} />
    </Field>
  );
}
