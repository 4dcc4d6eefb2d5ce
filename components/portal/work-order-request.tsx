"use client";
import { lazy, Suspense, useState } from "react";
import { buttonClass } from "@/components/ui/button";

// PERF-4: the request form (fields, date pickers, its action) loads when the customer asks for it,
// not with every portal case page — the page is close to the 150 KB first-load budget.
const Form = lazy(() =>
  import("./work-order-request-form").then((m) => ({ default: m.WorkOrderRequestForm })),
);

/** FSM-5: "Request a work order" on the user's own open case; the form opens on demand. */
export function WorkOrderRequest({ caseNumber }: { caseNumber: string }) {
  const [open, setOpen] = useState(false);
  if (open)
    return (
      <Suspense fallback={<p className="text-sm text-slate-600">Loading the form…</p>}>
        <Form caseNumber={caseNumber} />
      </Suspense>
    );
  return (
    <section aria-labelledby="work-order-request-heading" className="space-y-2">
      <h2 id="work-order-request-heading" className="text-base font-semibold">
        Request a work order
      </h2>
      <p className="text-sm text-slate-600">Need a technician on site? Propose a time for the visit.</p>
      <button type="button" className={buttonClass("secondary")} onClick={() => setOpen(true)}>
        Request a work order
      </button>
    </section>
  );
}
