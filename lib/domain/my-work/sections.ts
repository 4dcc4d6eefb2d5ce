// WRK-2: the three sections of My work, defined once (the page, the navigation counts and the
// tests name them from here).
export const MY_WORK_SECTIONS = [
  { key: "assigned", title: "Assigned to me", empty: "Nothing is assigned to you." },
  {
    key: "unassigned",
    title: "Unassigned in my groups",
    empty: "Every open case of your groups has an assignee.",
  },
  {
    key: "attention",
    title: "Needs attention",
    empty: "No customer is waiting on you and no SLA is about to breach.",
  },
] as const;

export type MyWorkSection = (typeof MY_WORK_SECTIONS)[number]["key"];

/**
 * Each section as a case-list filter (lib/domain/cases/schemas.ts caseListSchema), so My work and
 * the list's "View all" are one definition. "Needs attention": on a case that is mine or in my
 * groups' queue, a customer replied (an Awaiting Info case answered is one of those) or an SLA is
 * within its warning time or breached (NOT-5).
 */
export const MY_WORK_QUERIES: Record<MyWorkSection, Record<string, string>> = {
  assigned: { state: "open", assignedTo: "me" },
  unassigned: { state: "open", group: "mine", assignedTo: "none" },
  attention: { state: "open", queue: "mine", attention: "1" },
};

/** Counts are exact up to this many, then shown as "99+": the navigation needs no more. */
export const MY_WORK_COUNT_CAP = 99;

export function countLabel(n: number): string {
  return n > MY_WORK_COUNT_CAP ? `${MY_WORK_COUNT_CAP}+` : String(n);
}
