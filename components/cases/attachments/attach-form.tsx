"use client";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { oversized, uploadAttachment } from "./upload";

type State = { ok: boolean; message: string } | null;

/**
 * NOT-4 Attach file: the chosen file is uploaded to the case (with its progress), then the page
 * refreshes its Attachments list. Agents may mark it Internal only (never shown to customers).
 */
export function AttachForm({
  caseNumber,
  allowInternal,
  limitMb,
}: {
  caseNumber: string;
  allowInternal: boolean;
  limitMb: number;
}) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [internalOnly, setInternalOnly] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<State>(null);

  async function send() {
    const file = input.current?.files?.[0];
    if (!file) return setResult({ ok: false, message: "Choose a file to attach." });
    const tooLarge = oversized(file, limitMb);
    if (tooLarge) return setResult({ ok: false, message: tooLarge });
    setResult(null);
    setProgress(0);
    const out = await uploadAttachment(caseNumber, file, internalOnly, setProgress);
    setProgress(null);
    if (!out.ok) return setResult({ ok: false, message: out.message });
    if (input.current) input.current.value = "";
    // Internal only is one file's choice: kept ticked, the next file (meant for the customer) was
    // silently internal too. The message says which the file was.
    setInternalOnly(false);
    setResult({ ok: true, message: `Attached ${file.name}${internalOnly ? " (internal only)" : ""}.` });
    router.refresh();
  }

  return (
    <form
      className="space-y-2"
      aria-label="Attach a file"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1">
          <label htmlFor={`${id}-file`} className="mb-1 block text-xs font-semibold text-slate-600">
            Attach file
          </label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            name="file"
            className={controlClass()}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              const tooLarge = file ? oversized(file, limitMb) : null;
              setResult(tooLarge ? { ok: false, message: tooLarge } : null);
            }}
          />
        </div>
        {allowInternal && (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={internalOnly}
              onChange={(e) => setInternalOnly(e.currentTarget.checked)}
              className="h-4 w-4 accent-brand-600"
              // Ticked before the page's script ran, the upload was still sent as visible to the
              // customer: the click is held until the script runs (hydration-guard.ts).
              data-needs-script=""
            />
            Internal only
          </label>
        )}
        <Button type="submit" variant="secondary" disabled={progress !== null}>
          {progress === null ? "Upload" : "Uploading…"}
        </Button>
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        Up to {limitMb} MB.
      </p>
      {progress !== null && (
        <progress className="w-full" max={100} value={progress} aria-label="Upload progress">
          {progress}%
        </progress>
      )}
      <Notice result={result} />
    </form>
  );
}
