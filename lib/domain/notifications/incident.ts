// INC-7: the emails an incident sends its caller — opened, put on hold, resolved, commented —
// and when they are suppressed because a case with an external caller owns the conversation.
import { IncidentState, labelOf, onHoldReasons } from "../records/choices";
import type { SyncEvent } from "../sync/events";

export type IncidentMail = {
  event: "opened" | "on_hold" | "resolved" | "commented";
  subject: string;
  body: string;
};

type Incident = {
  number: string;
  shortDescription: string;
  onHoldReason?: number | null;
  resolutionNotes?: string | null;
};

export function openedMail(i: Incident): IncidentMail {
  return {
    event: "opened",
    subject: `Incident ${i.number} opened: ${i.shortDescription}`,
    body: `We have opened incident ${i.number} for you: ${i.shortDescription}.\nWe will keep you informed.`,
  };
}

/** The caller email an incident update or comment sends, if any. */
export function mailFor(e: SyncEvent, i: Incident): IncidentMail | null {
  if (e.type === "comment") {
    return {
      event: "commented",
      subject: `Incident ${i.number}: new comment`,
      body: `${e.author} wrote on incident ${i.number}:\n\n${e.body}`,
    };
  }
  if (e.before.state === e.after.state) return null;
  if (e.after.state === IncidentState.OnHold) {
    const reason = labelOf(onHoldReasons, (e.after.onHoldReason as number) ?? null);
    return {
      event: "on_hold",
      subject: `Incident ${i.number} is on hold`,
      body: `Incident ${i.number} is on hold${reason ? ` (${reason})` : ""}.`,
    };
  }
  if (e.after.state === IncidentState.Resolved) {
    return {
      event: "resolved",
      subject: `Incident ${i.number} resolved`,
      body: `Incident ${i.number} has been resolved.\n\n${(e.after.resolutionNotes as string) ?? ""}`.trim(),
    };
  }
  return null;
}

/** INC-7: suppressed when the incident came from, or was associated with, a case and its caller is external. */
export function suppressCallerMail(callerKind: string | null | undefined, linkedToCase: boolean): boolean {
  return linkedToCase && (callerKind === "contact" || callerKind === "consumer");
}
