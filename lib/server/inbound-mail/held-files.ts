import "server-only";
// NOT-3, NOT-4: the files of a message held from an unknown sender wait with it (InboundFile), so
// that the case an agent opens from it keeps them, as a known sender's email case would have; a
// discarded message takes them with it.
import type { Tx } from "@/lib/db";
import { sanitizeFileName, storedContentType } from "@/lib/domain/attachments/files";
import { megabytes } from "@/lib/domain/attachments/files";
import { attachmentLimitMb, keepMailAttachments, type MailAttachment } from "../attachments/store";

/**
 * Keeps a held message's non-empty files. One over the attachment limit is kept by its name and
 * size only (tooLarge): it could never be kept on a case, and a stranger's mail should not grow
 * the database with it — but the agent opening a case from the message is told of it, as a known
 * sender's email names such a file in a work note.
 */
export async function holdFiles(tx: Tx, messageId: number, attachments: readonly MailAttachment[]) {
  const files = attachments.filter((a) => a.content.byteLength > 0);
  if (!files.length) return;
  const limit = megabytes(await attachmentLimitMb(tx));
  await tx.inboundFile.createMany({
    data: files.map((a) => {
      const tooLarge = a.content.byteLength > limit;
      return {
        messageId,
        fileName: sanitizeFileName(a.filename ?? ""),
        // As a case keeps it: a declared type with a NUL was refused by PostgreSQL (a 500, retried).
        contentType: storedContentType(a.contentType),
        size: a.content.byteLength,
        bytes: tooLarge ? new Uint8Array(0) : Buffer.from(a.content),
        tooLarge,
      };
    }),
  });
}

/**
 * The held message's files become the case's attachments, by the customer it was opened for; one
 * over the size limit (then or now) is named in a work note, as for any email. Then the held
 * copies go.
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
    files
      .filter((f) => !f.tooLarge)
      .map((f) => ({ filename: f.fileName, contentType: f.contentType, content: f.bytes })),
    files.filter((f) => f.tooLarge).map((f) => f.fileName),
  );
  await tx.inboundFile.deleteMany({ where: { messageId } });
}

/** A discarded message keeps nothing. */
export const dropHeldFiles = (tx: Tx, messageId: number) =>
  tx.inboundFile.deleteMany({ where: { messageId } });
