const TONES = {
  gray: "bg-slate-100 text-slate-700 ring-slate-200",
  blue: "bg-sky-50 text-sky-800 ring-sky-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  red: "bg-red-50 text-red-800 ring-red-200",
  violet: "bg-violet-50 text-violet-800 ring-violet-200",
} as const;
export type Tone = keyof typeof TONES;

export function Badge({ tone = "gray", children }: { tone?: Tone; children: React.ReactNode }) {
  return <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>{children}</span>;
}

/** Tone of a state label, shared by every record type. */
export function stateTone(label: string): Tone {
  if (/^(New|Requested|Draft|-)/i.test(label)) return "blue";
  if (/(Awaiting|On Hold|Assess|Authorize|Review|Proposed)/i.test(label)) return "amber";
  if (/(Resolved|Closed Complete|Successful|Accepted)/i.test(label)) return "green";
  if (/(Cancel|Incomplete|Rejected)/i.test(label)) return "red";
  if (/Closed/i.test(label)) return "gray";
  return "violet";
}

export function priorityTone(priority: number): Tone {
  return priority === 1 ? "red" : priority === 2 ? "amber" : priority === 3 ? "blue" : "gray";
}
