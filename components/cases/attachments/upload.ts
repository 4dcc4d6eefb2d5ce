// NOT-4: one file posted to the upload route with its progress (fetch reports none for uploads).
import { megabytes, tooLargeMessage } from "@/lib/domain/attachments/files";

export type UploadOutcome = { ok: true } | { ok: false; message: string };

/** The case a file goes to, and the largest file it takes (property com.glide.attachment.max_size). */
export type AttachTarget = { caseNumber: string; limitMb: number };

/**
 * The server's refusal of a file over the limit, said when the file is chosen: sent anyway, the
 * server's 413 comes while the browser is still uploading, and browsers often report that as a
 * network error ("check your connection") instead of the message.
 */
export const oversized = (file: File, limitMb: number): string | null =>
  file.size > megabytes(limitMb) ? tooLargeMessage(limitMb) : null;

export function uploadAttachment(
  caseNumber: string,
  file: File,
  internalOnly: boolean,
  onProgress: (percent: number) => void,
): Promise<UploadOutcome> {
  const body = new FormData();
  body.set("file", file);
  if (internalOnly) body.set("internalOnly", "on");
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/cases/${encodeURIComponent(caseNumber)}/attachments`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ ok: true });
      let message = `The file was not attached (${xhr.status}).`;
      try {
        const answer = JSON.parse(xhr.responseText) as { error?: { message?: string } };
        message = answer.error?.message ?? message;
      } catch {
        // not JSON: keep the status message
      }
      resolve({ ok: false, message });
    };
    xhr.onerror = () =>
      resolve({ ok: false, message: "The upload failed: check your connection and try again." });
    xhr.send(body);
  });
}
