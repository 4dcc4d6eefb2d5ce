"use client";
import { useActionState, useRef, useState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/server/errors";

type Post = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * Work notes (internal) and Additional comments (customer-visible). Each draft carries a fresh
 * idempotency key, so a double submit or a retried request posts once (SYNC-3); a successful
 * post clears the fields and starts a new key.
 */
export function JournalComposer({ post, allowWorkNotes = true }: { post: Post; allowWorkNotes?: boolean }) {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const form = useRef<HTMLFormElement>(null);
  const [result, action] = useActionState<ActionResult | null, FormData>(async (prev, data) => {
    const r = await post(prev, data);
    if (r.ok) {
      form.current?.reset();
      setKey(crypto.randomUUID());
    }
    return r;
  }, null);
  const err = (f: string) => (result && !result.ok ? result.fieldErrors?.[f] : undefined);
  return (
    <form ref={form} action={action} className="space-y-3" noValidate aria-label="Add to the journal">
      <input type="hidden" name="idempotencyKey" value={key} />
      {allowWorkNotes && (
        <TextAreaField label="Work notes" name="workNotes" rows={2} placeholder="Internal — visible to your team only" className="[&_textarea]:bg-amber-50/40" error={err("workNotes")} />
      )}
      <TextAreaField label="Additional comments" name="comments" rows={2} placeholder="Customer visible" error={err("comments")} />
      <div className="flex items-center justify-between gap-3">
        <div className="min-w-0 flex-1">{result && !result.ok && !result.fieldErrors && <Notice result={result} />}</div>
        <SubmitButton pendingText="Posting…">Post</SubmitButton>
      </div>
    </form>
  );
}
