import "server-only";
import { db, inTransaction, type Tx } from "@/lib/db";
import { megabytes, tooLargeMessage, type AttachmentItem } from "@/lib/domain/attachments/files";
import { ATTACHMENTS_PAGE, toAttachmentPage, type AttachmentPage } from "@/lib/domain/attachments/rows";
import type { Keyset } from "@/lib/domain/journal/live";
import { canReadCases, canWriteCases, isExternal, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, invalid, notFound, unauthenticated } from "@/lib/domain/errors";
import { isCaseClosedForChanges } from "@/lib/domain/cases/lifecycle";
import { caseStates, labelOf } from "@/lib/domain/records/choices";
import { MAX_INT } from "@/lib/domain/validation";
import { requireLockedCase } from "../case-store/row";
import { requireExternalScope } from "@/lib/domain/scope/external";
import { getExternalCaseRef } from "../scope/cases";
import { isCaseInScope } from "@/lib/server/tables/case-scope";
import { ITEM, attachmentLimitMb, insertAttachment } from "./store";

// NOT-4: attachments of a case for the workspace and the portal alike. Internal users need the
// case rights of the case form (read to list and download, write to attach); external users reach
// only cases in their scope (ROLE-3) and never an internal-only file — each out of reach answers
// exactly like a missing case or file (POR-4).

export type UploadedFile = { name: string; type: string; bytes: Uint8Array };

/** The case `number` as this actor may reach it, or the refusal; external scope read in `tx`. */
async function reachCase(actor: Actor | null | undefined, number: string, write: boolean, tx: Tx) {
  if (!actor) throw unauthenticated();
  if (isExternal(actor)) return (await getExternalCaseRef(actor, number, tx)).number;
  if (write ? !canWriteCases(actor) : !canReadCases(actor))
    throw forbidden(
      write ? "Only customer service agents and managers can attach files to cases." : undefined,
    );
  return number;
}

/**
 * Whether the person may attach files to the case at all (rights; an external user's scope: 404
 * outside it) — asked before an upload's body is read, so that a read-only user or a customer
 * posting to any case number is refused before the server buffers up to the size limit. Asked
 * again, under the case's lock, by addAttachment.
 */
export async function assertMayAttach(actor: Actor | null | undefined, number: string): Promise<void> {
  await reachCase(actor, number, true, db());
}

/** Attach file: one file on the case, by an agent, a manager or a portal user of the case. */
export async function addAttachment(
  actor: Actor | null | undefined,
  number: string,
  file: UploadedFile,
  opts: { internalOnly?: boolean } = {},
  outer?: Tx,
): Promise<AttachmentItem> {
  return inTransaction(outer, async (tx) => {
    const reachable = await reachCase(actor, number, true, tx);
    const author = { id: actor!.id, name: actor!.name };
    if (opts.internalOnly && isExternal(actor!))
      throw invalid("internalOnly", "Only agents can mark a file as internal.");
    const limitMb = await attachmentLimitMb(tx);
    // A form sent without a file chosen carries an empty part with no name.
    if (!file.bytes.byteLength && !file.name) throw invalid("file", "Choose a file to attach.");
    if (!file.bytes.byteLength) throw invalid("file", "The file is empty. Choose a file with content.");
    if (file.bytes.byteLength > megabytes(limitMb)) throw invalid("file", tooLargeMessage(limitMb));
    const row = await requireLockedCase(tx, reachable); // a close committing meanwhile is seen here
    // So is a change of contact or account: the case is asked for in the user's scope again (POR-4).
    if (isExternal(actor!)) await getExternalCaseRef(actor, reachable, tx);
    if (isCaseClosedForChanges(row.state))
      throw invalid("file", `This case is ${labelOf(caseStates, row.state)} and cannot be changed.`);
    return insertAttachment(tx, {
      caseId: row.id,
      fileName: file.name,
      contentType: file.type,
      bytes: file.bytes,
      internalOnly: !!opts.internalOnly,
      author,
    });
  });
}

/**
 * The case's Attachments list, newest first, a page at a time (PERF-1): the newest
 * ATTACHMENTS_PAGE, or with `before` those just older than it by keyset — never OFFSET, so files
 * added meanwhile neither shift nor repeat a page. External users never see internal-only files.
 */
export async function listAttachments(
  actor: Actor | null | undefined,
  number: string,
  opts: { before?: Keyset } = {},
  client: Tx = db(),
): Promise<AttachmentPage> {
  const reachable = await reachCase(actor, number, false, client);
  // An internal reader may read every case: a missing one answers 404 as it does to the portal.
  if (!isExternal(actor!) && !(await client.case.findUnique({ where: { number }, select: { id: true } })))
    throw notFound(`Case ${number}`);
  const { before } = opts;
  // The case by its number inside the attachments' read; one row past the page says whether there
  // are older ones; the (caseId, createdAt) index serves the range.
  const items = await client.attachment.findMany({
    where: {
      case: { number: reachable },
      ...(isExternal(actor!) ? { internalOnly: false } : {}),
      ...(before
        ? {
            createdAt: { lte: before.createdAt },
            NOT: { createdAt: before.createdAt, id: { gte: before.id } },
          }
        : {}),
    },
    select: ITEM,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ATTACHMENTS_PAGE + 1,
  });
  return toAttachmentPage(items);
}

/**
 * A download: the file and its bytes if the reader may read its case (and, external, it is not
 * internal-only); otherwise "not found", exactly like an id that does not exist (POR-4).
 */
export async function readAttachment(actor: Actor | null | undefined, id: number, client: Tx = db()) {
  if (!actor) throw unauthenticated();
  if (!isExternal(actor) && !canReadCases(actor)) throw forbidden();
  // An external user without a portal role is refused before any lookup: whichever the id, the same answer.
  const scope = isExternal(actor) ? requireExternalScope(actor) : null;
  const missing = notFound(`Attachment ${id}`);
  // REL-1: an id past the column's range (2³¹ − 1) is no attachment — PostgreSQL refused it with a 500.
  if (!Number.isInteger(id) || id < 1 || id > MAX_INT) throw missing;
  const file = await client.attachment.findUnique({ where: { id }, select: { ...ITEM, caseId: true } });
  if (!file) throw missing;
  if (scope) {
    if (file.internalOnly) throw missing;
    if (!(await isCaseInScope(client, scope, file.caseId))) throw missing;
  }
  const blob = await client.attachmentBlob.findUnique({ where: { id }, select: { bytes: true } });
  if (!blob) throw missing;
  return { file, bytes: blob.bytes };
}
