"use client";
import { useRef, useState } from "react";
import { createCaseContactAction } from "@/app/(workspace)/cases/contact-actions";
import { ReferenceField, type RefOption } from "@/components/pickers/reference-field";
import { useFollowedField } from "@/components/ui/early-value";
import { DialogForm } from "@/components/ui/dialog-form";
import { Modal } from "@/components/ui/modal";
import { PersonFields } from "./person-fields";

/**
 * SET-2: the case form's Contact picker with **New contact** — a small dialog adds a person to the
 * account chosen on the form (Name, Email, Phone) and selects them, without leaving the case. Until an
 * account is chosen the button says what it needs. The account is read from the form's Account field,
 * whose changes it follows like the picker does.
 */
export function ContactField({
  value,
  options,
  accountId,
  error,
}: {
  value: { id: number; label: string } | null;
  /** Null: the account has more contacts than a select lists; a typeahead over them. */
  options: RefOption[] | null;
  accountId: number | null;
  error?: string;
}) {
  const [account, setAccount] = useState<string>(accountId ? String(accountId) : "");
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<RefOption | null>(null);
  const [accountName, setAccountName] = useState("");
  const button = useRef<HTMLButtonElement>(null);
  // The account as chosen on the form, before the page's script ran too (early-value.ts).
  useFollowedField(button, "accountId", (field) => setAccount(field.value));
  return (
    <ReferenceField
      label="Contact"
      name="contactId"
      kind="contacts"
      value={value}
      options={options}
      dependsOn={{ field: "accountId", param: "account", value: accountId }}
      error={error}
      // The empty choice says what it means now: no contact, or that the list waits for an account.
      blank={account ? "— None —" : "— No account chosen —"}
      added={added}
    >
      {/* In the label's row, as a link-sized button: beside the select it cut the contact's name. */}
      <button
        type="button"
        ref={button}
        className={
          "font-medium whitespace-nowrap text-brand-700 hover:underline " +
          "disabled:text-slate-500 disabled:no-underline"
        }
        disabled={!account}
        title={account ? undefined : "Choose the account first"}
        onClick={() => {
          // The account as the form shows it (a select's option, or a typeahead's text), for the title.
          const field = button.current?.form?.elements.namedItem("accountId");
          const shown =
            field instanceof HTMLSelectElement
              ? field.selectedOptions[0]?.text
              : (document.getElementById("f-accountId") as HTMLInputElement | null)?.value;
          setAccountName(shown ?? "");
          setOpen(true);
        }}
      >
        <span aria-hidden>+ </span>New contact
      </button>
      <Modal
        open={open}
        onClose={() => setOpen(false)}
        title={accountName ? `New contact of ${accountName}` : "New contact"}
        returnFocus={button}
      >
        <DialogForm
          action={createCaseContactAction}
          onDone={(r) => {
            const c = r.ok ? (r.data as { id: number; label: string } | undefined) : undefined;
            if (c) setAdded({ value: c.id, label: c.label });
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
          intro={
            "A person of the account chosen on this case. They can reach the portal once an " +
            "administrator or manager gives them a portal role and invites them."
          }
          submit="Add contact"
          pendingText="Adding…"
        >
          {(err) => (
            <div className="space-y-3">
              <input type="hidden" name="accountId" value={account} />
              <PersonFields err={err} idPrefix="case-contact" />
              {err("accountId") && (
                <p role="alert" className="text-sm text-red-700">
                  {err("accountId")}
                </p>
              )}
            </div>
          )}
        </DialogForm>
      </Modal>
    </ReferenceField>
  );
}
