"use client";
import { saveSlaTargetAction } from "@/app/(workspace)/admin/slas/actions";
import { SelectField, TextField } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { SLA_CLOCKS } from "@/lib/domain/sla/policy";

export type SlaTargetView = {
  priority: number;
  label: string;
  responseMinutes: number | null;
  resolutionMinutes: number | null;
  clock: string;
  version: number;
};

/** NOT-5: one priority's response and resolution targets (minutes) and how they are counted. */
export function SlaTargetRow({ target: t, hoursSet }: { target: SlaTargetView; hoursSet: boolean }) {
  const { result, pending, fieldError: err, formProps } = useActionForm(saveSlaTargetAction);
  const id = (f: string) => `sla-${t.priority}-${f}`;
  const clocks = SLA_CLOCKS.filter((c) => c.value === "24x7" || hoursSet || t.clock === "hours");
  return (
    <form
      {...formProps}
      noValidate
      aria-label={`Priority ${t.label}`}
      className="flex flex-wrap items-end gap-3 border-b border-slate-100 pb-3 last:border-0"
    >
      <input type="hidden" name="priority" value={t.priority} />
      <input type="hidden" name="version" value={t.version} />
      <p className="w-36 pb-2 text-sm font-semibold">{t.label}</p>
      <TextField
        id={id("response")}
        label="Response (minutes)"
        name="responseMinutes"
        inputMode="numeric"
        defaultValue={t.responseMinutes ?? ""}
        error={err("responseMinutes")}
        className="w-40"
      />
      <TextField
        id={id("resolution")}
        label="Resolution (minutes)"
        name="resolutionMinutes"
        inputMode="numeric"
        defaultValue={t.resolutionMinutes ?? ""}
        error={err("resolutionMinutes")}
        className="w-40"
      />
      <SelectField
        id={id("clock")}
        label="Counted"
        name="clock"
        options={clocks.map((c) => ({ value: c.value, label: c.label }))}
        defaultValue={t.clock}
        error={err("clock")}
      />
      <SubmitButton pending={pending} pendingText="Saving…">
        Save
      </SubmitButton>
      <div className="basis-full">
        <FormNotice result={result} shown={["responseMinutes", "resolutionMinutes", "clock"]} />
      </div>
    </form>
  );
}
