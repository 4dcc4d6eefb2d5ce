"use client";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";

/**
 * MAJ-5: "This will update N child cases: …" (and what the change does to them) — the manager
 * confirms (the same submission is sent again with confirmChildren: the question itself, so the
 * server asks again when the children changed since) or dismisses; nothing is saved
 * until then. Open while the form's last answer asks (useActionForm's needsConfirmation); Dismiss
 * puts that answer away, so the next submit that asks again opens it again — the same question too.
 */
export function ConfirmChildren({
  message,
  pending,
  resubmit,
  onDismiss,
}: {
  message: string | null;
  pending: boolean;
  resubmit: (extra: Record<string, string>) => void;
  onDismiss: () => void;
}) {
  return (
    <Modal open={!!message} onClose={onDismiss} title="Update child cases?" busy={pending}>
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{message}</p>
        <div className="flex justify-end gap-2">
          <Button onClick={onDismiss} disabled={pending}>
            Dismiss
          </Button>
          <Button
            variant="primary"
            disabled={pending}
            // The answer to the confirmed request replaces the question (the dialog closes then); put
            // away first, the form's own dialog (Close, Cancel) would open again meanwhile.
            // MAJ-5: the question shown goes back: asked again if the children changed meanwhile.
            onClick={() => message && resubmit({ confirmChildren: message })}
          >
            Confirm
          </Button>
        </div>
      </div>
    </Modal>
  );
}
