import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import {
  megabytes,
  sanitizeFileName,
  storedContentType,
  type AttachmentItem,
} from "@/lib/domain/attachments/files";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { TABLE } from "@/lib/domain/records/tables";
import { appendJournal } from "../journal/write";
import { integerProperty } from "../properties/read";

// NOT-4: the writes of attachments inside a caller's transaction — a person's upload
// (./service.ts) and the files of an inbound email (keepMailAttachments).

/** Selected for lists: everything but the bytes. */
export const ITEM = {
  id: true,
  fileName: true,
  contentType: true,
  size: true,
  internalOnly: true,
  uploadedByName: true,
  createdAt: true,
} as const;

/** The largest file a case accepts, in MB (property com.glide.attachment.max_size). */
export const attachmentLimitMb = (tx?: Tx) => integerProperty(PROPERTY.attachmentMaxMb, tx);

export type NewAttachment = {
  caseId: number;
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  internalOnly: boolean;
  author: { id: number | null; name: string };
};

/** One attachment row and its bytes (checked by the caller: not empty, within the limit). */
export async function insertAttachment(tx: Tx, a: NewAttachment): Promise<AttachmentItem> {
  return tx.attachment.create({
    data: {
      caseId: a.caseId,
      fileName: sanitizeFileName(a.fileName),
      contentType: storedContentType(a.contentType),
      size: a.bytes.byteLength,
      sha256: createHash("sha256").update(a.bytes).digest("hex"),
      internalOnly: a.internalOnly,
      uploadedById: a.author.id,
      uploadedByName: a.author.name,
      blob: { create: { bytes: new Uint8Array(a.bytes) } },
    },
    select: ITEM,
  });
}

/** A file of a parsed email (mailparser's attachment: content, filename, contentType). */
export type MailAttachment = {
  filename?: string | null;
  contentType?: string | null;
  content: Uint8Array;
  /** Part of the HTML body (multipart/related: a signature's logo), not a file the sender attached. */
  inline?: boolean;
};

/**
 * NOT-4: the files of an inbound email — a reply (PRO-5) or a new case (NOT-3) — kept on the case
 * as non-internal attachments by the customer who sent it, in the caller's transaction. A file
 * over the size limit is skipped and named in one work note; an empty one is skipped.
 */
export async function keepMailAttachments(
  tx: Tx,
  caseId: number,
  author: { id: number | null; name: string },
  attachments: readonly MailAttachment[],
  /** Named as over the limit without their bytes (a held message's, NOT-3: dropped when received). */
  tooLarge: readonly string[] = [],
): Promise<{ kept: number; skipped: string[] }> {
  if (!attachments.length && !tooLarge.length) return { kept: 0, skipped: [] };
  const limitMb = await attachmentLimitMb(tx);
  const skipped: string[] = [];
  let kept = 0;
  for (const a of attachments) {
    const fileName = sanitizeFileName(a.filename ?? "");
    if (!a.content.byteLength) continue;
    if (a.content.byteLength > megabytes(limitMb)) {
      skipped.push(fileName);
      continue;
    }
    await insertAttachment(tx, {
      caseId,
      fileName,
      contentType: a.contentType ?? "",
      bytes: a.content,
      internalOnly: false,
      author,
    });
    kept++;
  }
  // The limit now, and (a held message's) the limit when the email was received, which may differ.
  const lines = [
    ...(skipped.length
      ? [`Not attached from ${author.name}'s email (larger than ${limitMb} MB): ${skipped.join(", ")}`]
      : []),
    ...(tooLarge.length
      ? [
          `Not attached from ${author.name}'s email (over the size limit when received): ${tooLarge.join(", ")}`,
        ]
      : []),
  ];
  if (lines.length)
    await appendJournal(tx, {
      table: TABLE.case,
      recordId: caseId,
      kind: "work_notes",
      body: lines.join("\n"),
      author: { id: null, name: "System" },
    });
  return { kept, skipped: [...skipped, ...tooLarge] };
}
