"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteViewAction, saveViewAction } from "@/app/(workspace)/cases/view-actions";
import { Button } from "@/components/ui/button";
import { DialogDone } from "@/components/ui/dialog-done";
import { DialogForm } from "@/components/ui/dialog-form";
import { TextField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { VIEW_NAME_MAX } from "@/lib/domain/views/views";

/** WRK-4: Save view — the list's current filter (`query`) under a name of the person's choosing. */
export function SaveView({ query }: { query: string }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setSaved(null);
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>Save view</Button>
      <Modal open={open} onClose={close} title="Save view">
        {saved ? (
          <DialogDone message={`${saved} It is listed under Views in the navigation.`} onClose={close} />
        ) : (
          <DialogForm
            action={saveViewAction}
            onDone={(r) => setSaved(r.message ?? "View saved.")}
            onCancel={close}
            intro="The list's current filters and sort are saved for you alone."
            submit="Save"
            pendingText="Saving…"
          >
            {(fieldError) => (
              <>
                <input type="hidden" name="query" value={query} />
                <TextField
                  label="Name"
                  name="name"
                  id="view-name"
                  required
                  maxLength={VIEW_NAME_MAX}
                  error={fieldError("name")}
                />
              </>
            )}
          </DialogForm>
        )}
      </Modal>
    </>
  );
}

/** WRK-4: Delete view, on the list a view opened; the list stays (`then`: its filter without the view). */
export function DeleteView({ id, name, then }: { id: number; name: string; then: string }) {
  const router = useRouter();
  const { result, pending, onSubmit, formAction } = useActionForm(deleteViewAction, () =>
    router.replace(then),
  );
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      {result && !result.ok && <Notice result={result} />}
      <Button type="submit" variant="ghost" disabled={pending} aria-label={`Delete view ${name}`}>
        Delete view
      </Button>
    </form>
  );
}
