"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { portalReplyAction } from "@/app/portal/actions";
import { TextAreaField } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/notice";
import { newRequestKey } from "@/lib/request-key";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { useComposerFile } from "@/components/journal/composer-file";

/**
 * POR-1 Reply + Send: the customer's additional comment. Each draft has its own key, so a double
 * click or a retry posts once; a sent reply clears the box (unless more was typed meanwhile).
 * NOT-4: a file chosen with the reply is attached to the case once the reply is posted.
 */
export function PortalReplyForm({
  number,
  state,
  version,
  limitMb,
}: {
  number: string;
  state: number;
  version: number;
  limitMb: number;
}) {
  const file = useComposerFile({ caseNumber: number, limitMb });
  const [key, setKey] = useState(() => newRequestKey());
  const sent = useRef("");
  const form = useRef<HTMLFormElement>(null);
  const box = () => form.current?.elements.namedItem("reply") as HTMLTextAreaElement | null;
  const { result, pending, onSubmit, fieldError, formAction } = useActionForm(
    portalReplyAction.bind(null, number),
    () => {
      const field = box();
      if (field && field.value === sent.current) field.value = "";
      setKey(newRequestKey());
      void file.uploadAfterPost(false);
    },
  );
  // WRK-3: refused because a solution came while the reply was written — the page is read again, so
  // the solution shows (the box keeps the text) and Send now answers it as its rejection.
  const router = useRouter();
  useEffect(() => {
    if (result && !result.ok && result.kind === "conflict") router.refresh();
  }, [result, router]);
  return (
    <form
      action={formAction}
      ref={form}
      onSubmit={(e) => {
        if (file.refusesPost()) return e.preventDefault();
        sent.current = box()?.value ?? "";
        onSubmit(e);
      }}
      className="space-y-3"
      noValidate
      aria-label="Write to support"
    >
      <input type="hidden" name="idempotencyKey" value={key} />
      {/* The state this page shows: a reply written before a solution came is not its rejection. */}
      <input type="hidden" name="shownState" value={state} />
      <input type="hidden" name="shownVersion" value={version} />
      <TextAreaField label="Reply" name="reply" rows={3} required error={fieldError("reply")} />
      {file.field}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0 flex-1">
          <FormNotice result={result} shown={["reply"]} />
        </div>
        <SubmitButton pending={pending} pendingText="Sending…">
          Send
        </SubmitButton>
      </div>
    </form>
  );
}
