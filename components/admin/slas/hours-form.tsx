"use client";
import { useState } from "react";
import { saveSlaHoursAction } from "@/app/(workspace)/admin/slas/actions";
import { TextField } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

type Hours = { days: number[]; start: string; end: string; timeZone: string; version: number } | null;

/** NOT-5: the working days, hours and time zone of "Business hours". */
export function SlaHoursForm({ hours }: { hours: Hours }) {
  const { result, pending, fieldError: err, formProps } = useActionForm(saveSlaHoursAction);
  const [days, setDays] = useState<number[]>(hours?.days ?? [1, 2, 3, 4, 5]);
  const toggle = (d: number, on: boolean) => setDays((xs) => (on ? [...xs, d] : xs.filter((x) => x !== d)));
  return (
    <form {...formProps} noValidate className="space-y-3">
      <input type="hidden" name="version" value={hours?.version ?? 0} />
      <input type="hidden" name="days" value={[...days].sort().join(",")} />
      <fieldset>
        <legend className="mb-1 text-xs font-semibold text-slate-600">Working days</legend>
        <div className="flex flex-wrap gap-3">
          {DAYS.map((label, i) => (
            <label key={label} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                checked={days.includes(i + 1)}
                onChange={(e) => toggle(i + 1, e.currentTarget.checked)}
                className="h-4 w-4 rounded border-slate-400 accent-brand-600"
                // The hidden field is the state's: a click before the script ran is held until then.
                data-needs-script=""
              />
              {label}
            </label>
          ))}
        </div>
        {err("days") && <p className="mt-1 text-xs text-red-700">{err("days")}</p>}
      </fieldset>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          id="sla-hours-start"
          label="Start"
          name="start"
          defaultValue={hours?.start ?? "09:00"}
          error={err("start")}
          className="w-28"
        />
        <TextField
          id="sla-hours-end"
          label="End"
          name="end"
          defaultValue={hours?.end ?? "17:00"}
          error={err("end")}
          className="w-28"
        />
        <TextField
          id="sla-hours-zone"
          label="Time zone"
          name="timeZone"
          defaultValue={hours?.timeZone ?? "UTC"}
          hint="An IANA zone, such as Europe/Berlin or America/New_York."
          error={err("timeZone")}
          className="w-72"
        />
        <SubmitButton pending={pending} pendingText="Saving…">
          Save business hours
        </SubmitButton>
      </div>
      <FormNotice result={result} shown={["days", "start", "end", "timeZone"]} />
    </form>
  );
}
