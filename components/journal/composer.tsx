"use client";
import { useEffect, useRef, useState } from "react";
import { tinykeys } from "tinykeys";
import { TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { newRequestKey } from "@/lib/request-key";
import { useActionForm } from "@/components/ui/use-action-form";
import { ConfirmChildren } from "@/components/major/confirm-children";
import type { ActionResult } from "@/lib/domain/action-result";
import { shortcutBindings } from "@/lib/domain/keyboard/shortcuts";
import { useComposerFile } from "./composer-file";
import type { AttachTarget } from "@/components/cases/attachments/upload";

type Post = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * Work notes (internal) and Additional comments (customer-visible). Each draft carries a fresh
 * idempotency key, so a double submit or a retried request posts once (SYNC-3); a successful
 * post clears the fields it sent and starts a new key. Ctrl+Enter (Cmd+Enter on macOS) in its
 * fields posts, like the Post button (WRK-6: the one shortcut that acts while typing).
 */
export function JournalComposer({
  post,
  allowWorkNotes = true,
  allowComments = true,
  onPosted,
  attachTo,
}: {
  post: Post;
  allowWorkNotes?: boolean;
  /** Off where nobody outside the team reads the record (work orders: work notes only). */
  allowComments?: boolean;
  /** Runs after a successful post (the live timeline polls at once). */
  onPosted?: () => void;
  /** A case: the composer offers a file, attached to that case after the post (NOT-4). */
  attachTo?: AttachTarget;
}) {
  const file = useComposerFile(attachTo);
  const [key, setKey] = useState(() => newRequestKey());
  const sent = useRef<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const {
    result,
    pending,
    onSubmit,
    fieldError: err,
    resubmit,
    needsConfirmation,
    dismissConfirmation,
    formAction,
  } = useActionForm(post, () => {
    // Clear only what was posted; anything typed since stays.
    for (const [name, value] of Object.entries(sent.current)) {
      const field = form.current?.elements.namedItem(name) as HTMLTextAreaElement | null;
      if (field && field.value === value) field.value = "";
    }
    setKey(newRequestKey());
    onPosted?.();
    void file.uploadAfterPost(!sent.current.comments?.trim());
  });
  useEffect(() => {
    const el = form.current;
    if (!el) return;
    const post = (e: KeyboardEvent) => {
      e.preventDefault();
      el.requestSubmit();
    };
    return tinykeys(el, Object.fromEntries(shortcutBindings("postJournal").map((b) => [b, post])));
  }, []);
  return (
    <form
      action={formAction}
      ref={form}
      onSubmit={(e) => {
        if (file.refusesPost()) return e.preventDefault();
        const data = new FormData(e.currentTarget);
        const text = (name: string) => {
          const v = data.get(name);
          return typeof v === "string" ? v : "";
        };
        sent.current = { workNotes: text("workNotes"), comments: text("comments") };
        onSubmit(e);
      }}
      className="space-y-3"
      noValidate
      aria-label="Add to the journal"
    >
      <input type="hidden" name="idempotencyKey" value={key} />
      <ConfirmChildren
        message={needsConfirmation}
        pending={pending}
        resubmit={resubmit}
        onDismiss={dismissConfirmation}
      />
      {allowWorkNotes && (
        <TextAreaField
          label="Work notes"
          name="workNotes"
          rows={2}
          placeholder="Internal — visible to your team only"
          className="[&_textarea]:bg-amber-50/40"
          error={err("workNotes")}
        />
      )}
      {allowComments && (
        <TextAreaField
          label="Additional comments"
          name="comments"
          rows={2}
          placeholder="Customer visible"
          error={err("comments")}
        />
      )}
      {file.field}
      <div className="flex items-center justify-between gap-3">
        <div className="min-w-0 flex-1">
          {result && !result.ok && !result.fieldErrors && !needsConfirmation && <Notice result={result} />}
        </div>
        <SubmitButton pending={pending} pendingText="Posting…">
          Post
        </SubmitButton>
      </div>
    </form>
  );
}
