// WRK-1: the email an assignment sends (plain text; internal users only).
export type AssignmentMailInput = {
  noun: string;
  number: string;
  shortDescription: string;
  /** Who made the change. */
  by: string;
  /** Set when the record went to a group's queue with nobody assigned. */
  groupName: string | null;
  link: string;
};

export function assignmentMail(m: AssignmentMailInput): { subject: string; body: string } {
  const what = `${m.noun} ${m.number}`;
  const subject = m.groupName
    ? `${what} is waiting in the ${m.groupName} queue`
    : `${what} has been assigned to you`;
  const lead = m.groupName
    ? `${m.by} put ${what} in the queue of ${m.groupName}; nobody is assigned yet.`
    : `${m.by} assigned ${what} to you.`;
  return { subject, body: `${lead}\n\n${m.shortDescription}\n\nOpen it: ${m.link}\n` };
}
