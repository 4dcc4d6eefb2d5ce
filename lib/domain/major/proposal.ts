// MAJ-1: proposing a case as a major case, and the manager's decision.
import { invalidFields } from "../errors";
import { MajorCaseState, OPEN_CASE_STATES } from "../records/choices";

type Candidate = { state: number; majorCaseState: string; parentId: number | null };

/** Can this case be proposed? New, Open or Awaiting Info; ordinary (not major, not a child, not already proposed). */
export function proposalRefusal(c: Candidate): string | null {
  if (!OPEN_CASE_STATES.includes(c.state))
    return "Only New, Open or Awaiting Info cases can be proposed as major cases.";
  if (c.majorCaseState === MajorCaseState.Proposed) return "This case is already proposed as a major case.";
  if (c.majorCaseState === MajorCaseState.Accepted) return "This case is a major case.";
  if (c.parentId !== null) return "This case is a child of a major case.";
  return null;
}

/** The proposal's two fields, trimmed; every field with a problem is named at once. */
export function checkProposal(input: { workNotes?: string; businessImpact?: string }) {
  const workNotes = input.workNotes?.trim() ?? "";
  const businessImpact = input.businessImpact?.trim() ?? "";
  const problems: Record<string, string> = {};
  if (!workNotes) problems.workNotes = "Work notes are required to propose a major case.";
  else if (workNotes.length > 8000) problems.workNotes = "Work notes must be at most 8,000 characters.";
  if (!businessImpact) problems.businessImpact = "Business impact is required to propose a major case.";
  else if (businessImpact.length > 2000)
    problems.businessImpact = "Business impact must be at most 2,000 characters.";
  if (Object.keys(problems).length) throw invalidFields(problems);
  return { workNotes, businessImpact };
}
