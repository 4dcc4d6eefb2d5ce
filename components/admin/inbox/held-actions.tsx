"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { discardHeldMessageAction, openHeldMessageAction } from "@/app/(workspace)/admin/inbox/actions";
import { ConfirmRowAction } from "@/components/admin/confirm-row-action";
import { ReferenceField } from "@/components/pickers/reference-field";
import { Button } from "@/components/ui/button";
import { DialogForm } from "@/components/ui/dialog-form";
import { TextField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";

/**
 * NOT-3: a message from an unknown sender — **Open case** (an existing contact or consumer, or a new
 * contact of an account with the sender's address, SET-2) and **Discard**. The answer stays on the
 * row ("Case … opened.") and the agent is taken to the case they opened (the refreshed Unknown
 * sender tab no longer lists the message, so an answer kept on its row would vanish with it).
 */
export function HeldActions({ id, from, subject }: { id: number; from: string; subject: string }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const router = useRouter();
  const button = useRef<HTMLButtonElement>(null);
  if (done) return <p className="text-sm text-slate-700">{done}</p>;
  const p = `held-${id}`;
  const pick = (label: string, name: string, kind: string, err?: string) => (
    <ReferenceField
      id={`${p}-${name}`}
      label={label}
      name={name}
      kind={kind}
      value={null}
      options={null}
      error={err}
    />
  );
  return (
    <div className="flex flex-wrap gap-2">
      <Button ref={button} variant="primary" onClick={() => setOpen(true)}>
        Open case
      </Button>
      <ConfirmRowAction
        action={discardHeldMessageAction}
        fields={{ id: String(id) }}
        label="Discard"
        title={`Discard the message “${subject}”`}
        intro={`The message from ${from} is set aside: no case is opened and nothing is sent.`}
        pendingText="Discarding…"
        onDone={(r) => r.ok && setDone("Discarded.")}
        returnFocus={button}
      />
      <Modal
        open={open}
        onClose={() => setOpen(false)}
        title={`Open a case from ${from}`}
        returnFocus={button}
      >
        <DialogForm
          action={openHeldMessageAction}
          onDone={(r) => {
            setOpen(false);
            const c = r.ok ? (r.data as { number: string } | undefined) : undefined;
            if (!c) return;
            setDone(`Case ${c.number} opened.`);
            router.push(`/cases/${c.number}`); // the agent goes on with the case they opened
          }}
          onCancel={() => setOpen(false)}
          intro={
            "The case is opened for the contact or consumer you choose, with the subject and text of the " +
            "message, and they get the acknowledgement. Or create a contact with the sender's address."
          }
          submit="Open case"
          pendingText="Opening…"
        >
          {(err) => (
            <div className="space-y-3">
              <input type="hidden" name="id" value={id} />
              {pick("Contact", "contactId", "contacts", err("contactId"))}
              {pick("Consumer", "consumerId", "consumers", err("consumerId"))}
              <fieldset className="space-y-3 rounded border border-slate-200 p-3">
                <legend className="px-1 text-sm font-medium">Or a new contact ({from})</legend>
                {pick("Account", "accountId", "accounts", err("accountId"))}
                <TextField id={`${p}-name`} label="Name" name="name" autoComplete="off" error={err("name")} />
                <TextField
                  id={`${p}-phone`}
                  label="Phone"
                  name="phone"
                  type="tel"
                  autoComplete="off"
                  error={err("phone")}
                />
                {err("email") && (
                  <p role="alert" className="text-sm text-red-700">
                    {err("email")}
                  </p>
                )}
              </fieldset>
            </div>
          )}
        </DialogForm>
      </Modal>
    </div>
  );
}
