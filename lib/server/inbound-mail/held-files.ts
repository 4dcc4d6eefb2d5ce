import "server-only";
// NOT-3, NOT-4: the files of a message held from an unknown sender wait with it (InboundFile), so
// that the case an agent opens from it keeps them, as a known sender's email case would have; a
// discarded message takes them with it.
import type { Tx } from "@/lib/db";
import { sanitizeFileName, storedContentType } from "@/lib/domain/attachments/files";
import { megabytes } from "@/lib/domain/attachments/files";
import { attachmentLimitMb, keepMailAttachments, type MailAttachment } from "../attachments/store";

/**
 * Keeps a held message's non-empty files within the attachment limit: a larger one could never be
 * kept on a case, and a stranger's mail should not grow the database with it.
 */
export async function holdFiles(tx: Tx, messageId: number, attachments: readonly MailAttachment[]) {
  if (!attachments.length) return;
  const limit = megabytes(await attachmentLimitMb(tx));
  const files = attachments.filter((a) => a.content.byteLength > 0 && a.content.byteLength <= limit);
  if (!files.length) return;
  await tx.inboundFile.createMany({
    data: files.map((a) => ({
      messageId,
      fileName: sanitizeFileName(a.filename ?? ""),
      // As a case keeps it: a declared type with a NUL was refused by PostgreSQL (a 500, retried).
      contentType: storedContentType(a.contentType),
      size: a.content.byteLength,
      bytes: Buffer.from(a.content),
    })),
  });
}

/**
 * The held message's files become the case's attachments, by the customer it was opened for (one
 * over the size limit is named in a work note, as for any email); then the held copies go.
 */
export async function moveHeldFiles(
  tx: Tx,
  messageId: number,
  caseId: number,
  customer: { id: number; name: string },
) {
  const files = await tx.inboundFile.findMany({ where: { messageId }, orderBy: { id: "asc" } });
  if (!files.length) return;
  await keepMailAttachments(
    tx,
    caseId,
    customer,
    files.map((f) => ({ filename: f.fileName, contentType: f.contentType, content: f.bytes })),
  );
  await tx.inboundFile.deleteMany({ where: { messageId } });
}

/** A discarded message keeps nothing. */
export const dropHeldFiles = (tx: Tx, messageId: number) =>
  tx.inboundFile.deleteMany({ where: { messageId } });
