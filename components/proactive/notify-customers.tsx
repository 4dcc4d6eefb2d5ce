"use client";
import { useState } from "react";
import { notifyCustomersAction } from "@/app/(workspace)/proactive/actions";
import { Button } from "@/components/ui/button";
import { DialogDone } from "@/components/ui/dialog-done";
import { DialogForm } from "@/components/ui/dialog-form";
import { TextAreaField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { newRequestKey } from "@/lib/request-key";

const intro = (n: number) =>
  `The message is added as an additional comment to ${n === 1 ? "the selected case" : `the ${n} selected cases`}` +
  " and emailed to each case's customer. A selected major case brings its open children.";

/**
 * PRO-3: the Notify Customers button and its dialog (Message, Send) for the selected cases. Each
 * opening of the dialog gets a new request id: a double click or a resent form notifies once.
 * After sending, the dialog says how many cases and emails, and what was skipped.
 */
export function NotifyCustomers({ selected, onSent }: { selected: string[]; onSent?: () => void }) {
  const [requestId, setRequestId] = useState<string | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  // PRO-3: while the message goes out the dialog stays (Dismiss and Escape wait): closed mid-send,
  // its late answer cleared a new selection and showed on the next opening, which could send again.
  const [sending, setSending] = useState(false);
  const close = () => {
    setRequestId(null);
    setSummary(null);
  };
  return (
    <>
      <Button disabled={!selected.length} onClick={() => setRequestId(newRequestKey())}>
        Notify Customers
      </Button>
      <Modal open={!!requestId} onClose={() => sending || close()} title="Notify Customers">
        {summary ? (
          <DialogDone message={summary} onClose={close} />
        ) : (
          <DialogForm
            action={notifyCustomersAction}
            onDone={(r) => {
              setSummary(r.ok ? (r.message ?? "Sent.") : null);
              onSent?.();
            }}
            onCancel={close}
            intro={intro(selected.length)}
            submit="Send"
            pendingText="Sending…"
            onPendingChange={setSending}
          >
            {(fieldError) => (
              <>
                <input type="hidden" name="cases" value={selected.join(",")} />
                <input type="hidden" name="requestId" value={requestId ?? ""} />
                {fieldError("cases") && (
                  <p role="alert" className="text-xs font-medium text-red-700">
                    {fieldError("cases")}
                  </p>
                )}
                <TextAreaField
                  label="Message"
                  name="message"
                  id="notify-message"
                  rows={5}
                  required
                  maxLength={4000}
                  error={fieldError("message")}
                />
              </>
            )}
          </DialogForm>
        )}
      </Modal>
    </>
  );
}
