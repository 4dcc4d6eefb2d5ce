"use client";
import { Badge, priorityTone, stateTone } from "@/components/ui/badge";
import { SlaChips } from "./sla-chips";

/**
 * The case page's title block: state, priority, account, number and short description, SLAs.
 * Drawn from data in the browser's bundle (PERF-8: see components/ui/section.tsx).
 */
export function CaseTitle({
  number,
  shortDescription,
  stateLabel,
  priority,
  priorityLabel,
  accountName,
  slas,
}: {
  number: string;
  shortDescription: string;
  stateLabel: string;
  priority: number;
  priorityLabel: string;
  accountName: string | null;
  slas: Parameters<typeof SlaChips>[0]["slas"];
}) {
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span>Case</span>
        <Badge tone={stateTone(stateLabel)}>{stateLabel}</Badge>
        <Badge tone={priorityTone(priority)}>{priorityLabel}</Badge>
        {accountName && <span>· {accountName}</span>}
      </div>
      <h1 className="mt-1 text-xl font-semibold text-slate-900">
        {number} <span className="font-normal text-slate-600">— {shortDescription}</span>
      </h1>
      <SlaChips slas={slas} />
    </div>
  );
}
