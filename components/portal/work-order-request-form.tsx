"use client";
import { useState } from "react";
import { requestWorkOrderAction } from "@/app/portal/work-orders/actions";
import { useTimeZone } from "@/components/providers/time-zone";
import { TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { newRequestKey } from "@/lib/request-key";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { AppointmentWindowFields } from "@/components/work-orders/appointment-window-fields";

/**
 * FSM-5 **Request a work order** for the portal case page: `<WorkOrderRequestForm caseNumber={…} />`,
 * shown on the user's own open case while Field Service is active (the server refuses otherwise).
 * A description and a proposed appointment window (in the workspace's zone, start before end); the request key makes
 * a double submit one work order, and a fresh key after success allows a further request.
 */
export function WorkOrderRequestForm({ caseNumber }: { caseNumber: string }) {
  const zone = useTimeZone();
  const [key, setKey] = useState(() => newRequestKey());
  const [generation, setGeneration] = useState(0);
  const { result, pending, fieldError, formProps } = useActionForm(
    requestWorkOrderAction.bind(null, caseNumber),
    () => {
      setKey(newRequestKey());
      setGeneration((g) => g + 1);
    },
  );
  return (
    <section aria-labelledby="work-order-request-heading" className="space-y-3">
      <h2 id="work-order-request-heading" className="text-base font-semibold">
        Request a work order
      </h2>
      <form {...formProps} className="space-y-3" noValidate>
        <input type="hidden" name="requestKey" value={key} />
        <div key={generation} className="space-y-3">
          <TextAreaField
            id="work-order-request-description"
            label="Description"
            name="description"
            rows={3}
            required
            hint="What should the technician do?"
            error={fieldError("description")}
          />
          <div className="grid gap-3 sm:grid-cols-2">
            <AppointmentWindowFields idPrefix="work-order-request" error={fieldError} zoneInLabel={false} />
          </div>
          <p className="text-xs text-slate-600">
            The appointment window is in {zone} time; an agent confirms it.
          </p>
        </div>
        <Notice result={result} />
        <SubmitButton pending={pending} pendingText="Requesting…">
          Request a work order
        </SubmitButton>
      </form>
    </section>
  );
}
