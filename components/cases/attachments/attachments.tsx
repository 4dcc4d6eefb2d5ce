import type { AttachmentItem } from "@/lib/domain/attachments/files";
import { AttachForm } from "./attach-form";
import { AttachmentList } from "./attachment-list";

/**
 * NOT-4: the body of a case's Attachments section, in the workspace and the portal alike. The
 * form is shown to those who may attach (the server checks again); agents get Internal only.
 */
export function Attachments({
  caseNumber,
  rows,
  canAttach,
  internal,
  limitMb,
}: {
  caseNumber: string;
  rows: AttachmentItem[];
  canAttach: boolean;
  /** The reader is internal: the Internal badge and the Internal only box. */
  internal: boolean;
  limitMb: number;
}) {
  return (
    <div className="space-y-4">
      <AttachmentList rows={rows} showInternal={internal} />
      {canAttach && <AttachForm caseNumber={caseNumber} allowInternal={internal} limitMb={limitMb} />}
    </div>
  );
}
