// NOT-2 / NOT-5: the email an SLA warning or breach sends the case's assignee (plain text).
import { SLA_KIND_LABEL, type SlaKind } from "./policy";

export function slaMail(m: {
  event: "warning" | "breach";
  kind: SlaKind;
  number: string;
  shortDescription: string;
  dueAt: Date;
  link: string;
}): { subject: string; body: string } {
  const sla = `${SLA_KIND_LABEL[m.kind]} SLA`;
  const due = m.dueAt.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  const subject = `Case ${m.number}: ${sla} ${m.event === "breach" ? "breached" : "due soon"}`;
  const lead =
    m.event === "breach"
      ? `The ${sla.toLowerCase()} of case ${m.number} breached at ${due}.`
      : `The ${sla.toLowerCase()} of case ${m.number} is due at ${due}.`;
  return { subject, body: `${lead}\n\n${m.shortDescription}\n\nOpen it: ${m.link}\n` };
}
