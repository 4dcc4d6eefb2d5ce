export type Tone = "gray" | "blue" | "amber" | "green" | "red" | "violet";

export function Badge({ tone = "gray", children }: { tone?: Tone; children: React.ReactNode }) {
  return <span className={`cf-badge ${tone}`}>{children}</span>;
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
