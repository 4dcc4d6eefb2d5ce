"use client";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { oversized, uploadAttachment, type AttachTarget } from "@/components/cases/attachments/upload";
import { controlClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/**
 * NOT-4: the composer's file, uploaded to the case right after the entry is posted (never sent
 * with the entry: a server action body is limited to 256 KB). Its input has no name, so the
 * composer's form data never carries it. A file posted with work notes only is internal-only;
 * with additional comments the customer sees it too.
 */
export function useComposerFile(target: AttachTarget | undefined) {
  const caseNumber = target?.caseNumber;
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  /**
   * Whether the chosen file would be refused — over the limit, or empty — then the entry is not
   * posted either (it would go without its file, and a reply would reopen the case for nothing); the
   * message stays under the file.
   */
  function refusesPost(): boolean {
    const file = input.current?.files?.[0];
    const refusal = file && target ? refusalOf(file, target.limitMb) : null;
    if (refusal) setResult({ ok: false, message: `${file!.name}: ${refusal}` });
    return !!refusal;
  }

  async function uploadAfterPost(internalOnly: boolean) {
    const file = input.current?.files?.[0];
    if (!caseNumber || !file) return;
    // The file goes with this post only: the box is emptied as its upload begins, so a post made
    // while it uploads, or after it failed, never sends it again — a second copy, or a file meant
    // for work notes made customer-visible by the next post's comment.
    if (input.current) input.current.value = "";
    const refusal = target && refusalOf(file, target.limitMb);
    if (refusal) return setResult({ ok: false, message: `${file.name}: ${refusal}` });
    setProgress(0);
    const out = await uploadAttachment(caseNumber, file, internalOnly, setProgress);
    setProgress(null);
    if (!out.ok)
      return setResult({
        ok: false,
        message: `${file.name}: ${out.message} Attach it again under Attachments.`,
      });
    setResult({ ok: true, message: `Attached ${file.name}${internalOnly ? " (internal only)" : ""}.` });
    router.refresh();
  }

  const field = caseNumber ? (
    <div className="space-y-2">
      <label htmlFor={`${id}-file`} className="mb-1 block text-xs font-semibold text-slate-600">
        Attach a file with this entry
      </label>
      <input
        ref={input}
        id={`${id}-file`}
        type="file"
        className={controlClass()}
        onChange={(e) => {
          // Said at once: the entry would be posted, then the file refused.
          const file = e.currentTarget.files?.[0];
          const refusal = file && target ? refusalOf(file, target.limitMb) : null;
          setResult(refusal ? { ok: false, message: `${file!.name}: ${refusal}` } : null);
        }}
      />
      {progress !== null && (
        <progress className="w-full" max={100} value={progress} aria-label="Upload progress">
          {progress}%
        </progress>
      )}
      <Notice result={result} />
    </div>
  ) : null;
  return { field, uploadAfterPost, refusesPost };
}

/** Why the file would be refused by the upload: over the limit, or empty (the server says the same). */
const refusalOf = (file: File, limitMb: number) =>
  oversized(file, limitMb) ?? (file.size === 0 ? "The file is empty. Choose a file with content." : null);
