"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";

/**
 * MAJ-5: "This will update N child cases: …" (and what the change does to them) — the manager
 * confirms (the same submission is sent again with confirmChildren) or dismisses; nothing is saved
 * until then.
 */
export function ConfirmChildren({
  message,
  pending,
  resubmit,
}: {
  message: string | null;
  pending: boolean;
  resubmit: (extra: Record<string, string>) => void;
}) {
  // Each new request for confirmation opens the dialog again (state derived from the prop).
  const [shown, setShown] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  if (message !== shown) {
    setShown(message);
    setOpen(!!message);
  }
  return (
    <Modal open={open && !!message} onClose={() => setOpen(false)} title="Update child cases?">
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{message}</p>
        <div className="flex justify-end gap-2">
          <Button onClick={() => setOpen(false)}>Dismiss</Button>
          <Button
            variant="primary"
            disabled={pending}
            onClick={() => {
              setOpen(false);
              resubmit({ confirmChildren: "1" });
            }}
          >
            Confirm
          </Button>
        </div>
      </div>
    </Modal>
  );
}
