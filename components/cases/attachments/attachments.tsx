import type { AttachmentPage } from "@/lib/domain/attachments/rows";
import { AttachForm } from "./attach-form";
import { AttachmentList } from "./attachment-list";

/**
 * NOT-4: the body of a case's Attachments section, in the workspace and the portal alike. The
 * form is shown to those who may attach (the server checks again); agents get Internal only.
 */
export function Attachments({
  caseNumber,
  page,
  canAttach,
  internal,
  limitMb,
}: {
  caseNumber: string;
  /** The newest files; "Show older files" loads the rest. */
  page: AttachmentPage;
  canAttach: boolean;
  /** The reader is internal: the Internal badge and the Internal only box. */
  internal: boolean;
  limitMb: number;
}) {
  return (
    <div className="space-y-4">
      <AttachmentList caseNumber={caseNumber} page={page} showInternal={internal} />
      {canAttach && <AttachForm caseNumber={caseNumber} allowInternal={internal} limitMb={limitMb} />}
    </div>
  );
}
