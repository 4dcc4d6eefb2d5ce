"use client";
import { useState } from "react";
import { saveCaseMailAction } from "@/app/(workspace)/admin/notifications/actions";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { renderCaseMail, type CaseMailFacts } from "@/lib/domain/notifications/case-mail";
import { describeProblem, templateProblems } from "@/lib/domain/notifications/template";

export type CaseMailCardData = {
  event: string;
  label: string;
  when: string;
  placeholders: string[];
  enabled: boolean;
  subject: string;
  body: string;
  version: number;
  edited: boolean;
  sample: CaseMailFacts;
};

/**
 * NOT-1: one case email — on or off, subject and body with placeholders, and a preview of what an
 * example case's customer would read, rendered as the admin types (the same pure renderCaseMail the
 * sender uses), with what saving would refuse named under it.
 */
export function CaseMailCard({ template: t }: { template: CaseMailCardData }) {
  const { result, pending, fieldError: err, formProps } = useActionForm(saveCaseMailAction);
  const [enabled, setEnabled] = useState(t.enabled);
  const [draft, setDraft] = useState({ subject: t.subject, body: t.body });
  const preview = renderCaseMail(draft, t.sample);
  const problems = new Set(
    [draft.subject, draft.body]
      .flatMap((text) => templateProblems(text, t.placeholders))
      .map(describeProblem),
  );
  const changed =
    !sameText(draft.subject, t.subject) || !sameText(draft.body, t.body) || enabled !== t.enabled;
  const id = (f: string) => `mail-${t.event}-${f}`;
  return (
    <Section title={t.label} id={`mail-${t.event}`}>
      <p className="mb-3 text-sm text-slate-600">{t.when}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <form {...formProps} className="space-y-3" noValidate>
          <input type="hidden" name="event" value={t.event} />
          <input type="hidden" name="version" value={t.version} />
          <input type="hidden" name="enabled" value={String(enabled)} />
          <label className="flex items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              checked={enabled}
              onChange={(e) => setEnabled(e.currentTarget.checked)}
              className="h-4 w-4 rounded border-slate-400 accent-brand-600"
              // The hidden field is the state's: a click before the script ran is held until then.
              data-needs-script=""
            />
            Send this email
          </label>
          <TextField
            id={id("subject")}
            label="Subject"
            name="subject"
            defaultValue={t.subject}
            onChange={(e) => {
              const subject = e.currentTarget.value; // read now: React clears currentTarget after the handler
              setDraft((d) => ({ ...d, subject }));
            }}
            required
            error={err("subject")}
          />
          <TextAreaField
            id={id("body")}
            label="Body"
            name="body"
            rows={7}
            defaultValue={t.body}
            onChange={(e) => {
              const body = e.currentTarget.value;
              setDraft((d) => ({ ...d, body }));
            }}
            required
            error={err("body")}
          />
          <p className="text-xs text-slate-600">
            Placeholders:{" "}
            {t.placeholders.map((p, i) => (
              <span key={p}>
                {i > 0 && ", "}
                <code className="rounded bg-slate-100 px-1">{`{{${p}}}`}</code>
              </span>
            ))}
          </p>
          <div className="flex items-center gap-3">
            <SubmitButton pending={pending} pendingText="Saving…">
              Save
            </SubmitButton>
            <FormNotice result={result} shown={["subject", "body"]} />
          </div>
        </form>
        <figure
          className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
          aria-label={`Preview of ${t.label}`}
        >
          <figcaption className="mb-2 text-xs font-semibold text-slate-600">
            Preview for an example case{changed ? " (not saved yet)" : ""}
            {enabled ? "" : " (not sent: switched off)"}
          </figcaption>
          {problems.size > 0 && (
            <ul className="mb-2 list-inside list-disc text-xs text-amber-800">
              {[...problems].map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <p className="font-medium">{preview.subject}</p>
          <pre className="mt-2 font-sans whitespace-pre-wrap text-slate-800">{preview.text}</pre>
        </figure>
      </div>
    </Section>
  );
}

/** A textarea's value has LF line ends; the form posts (and the template is saved with) CRLF. */
const sameText = (a: string, b: string) => a.replace(/\r\n?/g, "\n") === b.replace(/\r\n?/g, "\n");
