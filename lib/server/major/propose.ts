import "server-only";
import { transaction, type Tx } from "@/lib/db";
import { canWriteCases, isMajorIssueManager, type Actor } from "@/lib/domain/auth/roles";
import { conflict, forbidden, invalid } from "@/lib/domain/errors";
import { isCaseClosedForChanges } from "@/lib/domain/cases/lifecycle";
import { checkProposal, proposalRefusal } from "@/lib/domain/major/proposal";
import {
  CaseState,
  caseStates,
  labelOf,
  MajorCaseState,
  OPEN_CASE_STATES,
} from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { recordUrl } from "../app-url";
import { usersWithKindOn } from "../notifications/preferences";
import { auditCreation, writeAudit } from "../audit/write";
import { readCaseCreatedConfiguration, runCaseCreatedFollowUps } from "../follow-ups/case";
import { noteBy } from "../case-store/menu-guard";
import { applyCasePatch } from "../case-change/persist";
import { requireLockedCase, type CaseRow } from "../case-store/row";
import { enqueueMail } from "../outbox/write";
import { mailProposer } from "./decided-mail";
import { majorIssueManagers } from "./managers";
import { nextNumber } from "../records/numbers";

/**
 * MAJ-1: an agent proposes the case; major issue managers are told by email, with a link to decide —
 * those who have not turned "Major case proposed" off (NOT-2).
 */
export async function proposeMajorCase(
  actor: Actor,
  number: string,
  input: { workNotes?: string; businessImpact?: string },
) {
  if (!canWriteCases(actor))
    throw forbidden("Only customer service agents and managers can propose major cases.");
  const { workNotes, businessImpact } = checkProposal(input);
  const result = await transaction(async (tx) => {
    const c = await requireLockedCase(tx, number);
    const refusal = proposalRefusal(c);
    if (refusal) throw invalid("state", refusal);
    await applyCasePatch(tx, actor, c, c.version, {
      majorCaseState: MajorCaseState.Proposed,
      businessImpact,
      proposedById: actor.id,
      proposedAt: new Date(),
      majorCaseReason: null,
    });
    await noteBy(
      tx,
      actor,
      TABLE.case,
      c.id,
      `Proposed as a major case.\nBusiness impact: ${businessImpact}\n\n${workNotes}`,
    );
    const deciders = (await majorIssueManagers(tx)).map((m) => m.id);
    const managers = await usersWithKindOn(tx, deciders, "major_proposed");
    const link = recordUrl(TABLE.case, c.number);
    for (const m of managers) {
      await enqueueMail(tx, {
        dedupeKey: `major-proposal:${c.id}:${c.version}:${m.id}`,
        recipient: m.email,
        subject: `Major case candidate ${c.number}: ${c.shortDescription}`,
        body:
          `${actor.name} proposed ${c.number} as a major case.\n\n` +
          `Business impact: ${businessImpact}\n\n${workNotes}\n\nAccept or reject it here: ${link}`,
        event: "case.major_proposed",
        source: { table: TABLE.case, id: c.id },
      });
    }
    return { number, notified: managers.length };
  });
  return result;
}

function assertManager(actor: Actor) {
  if (!isMajorIssueManager(actor))
    throw forbidden("Only major issue managers (with itil) can decide on major cases.");
}

/** The candidate moves out of Proposed — only once, however many managers click together. */
async function decide(tx: Tx, c: CaseRow, data: Record<string, unknown>) {
  const { count } = await tx.case.updateMany({
    where: { id: c.id, majorCaseState: MajorCaseState.Proposed },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw conflict("This proposal has already been decided; reload the case.");
}

/**
 * MAJ-1: a new major case is created, the candidate becomes its child, and the candidate's
 * related records are copied to the major case.
 */
export async function acceptMajorCase(actor: Actor, candidateNumber: string) {
  assertManager(actor);
  return transaction(async (tx) => {
    const c = await requireLockedCase(tx, candidateNumber);
    if (c.majorCaseState !== MajorCaseState.Proposed)
      throw invalid("majorCaseState", "This case is not a major case candidate.");
    if (!OPEN_CASE_STATES.includes(c.state))
      throw invalid(
        "state",
        `${c.number} is ${labelOf(caseStates, c.state)}; only an open candidate can become a major case.`,
      );
    await readCaseCreatedConfiguration(tx); // before the number's lock (REC-1)
    const major = await tx.case.create({
      data: {
        number: await nextNumber(tx, "case"),
        shortDescription: c.shortDescription,
        description: c.description,
        priority: c.priority,
        impact: c.impact,
        urgency: c.urgency,
        channel: c.channel,
        state: CaseState.Open,
        majorCaseState: MajorCaseState.Accepted,
        businessImpact: c.businessImpact,
        incidentId: c.incidentId,
        problemId: c.problemId,
        changeId: c.changeId,
        causedById: c.causedById,
        openedById: actor.id,
        assignedToId: actor.id,
      },
    });
    await auditCreation(tx, TABLE.case, major, actor);
    // NOT-5: the major case's resolution target starts (it is made Open: no response to wait for).
    await runCaseCreatedFollowUps({ tx, actor, after: major });
    await decide(tx, c, { majorCaseState: MajorCaseState.None, parentId: major.id });
    await writeAudit(
      tx,
      TABLE.case,
      c.id,
      [
        { field: "majorCaseState", oldValue: MajorCaseState.Proposed, newValue: null },
        { field: "parentId", oldValue: null, newValue: String(major.id) },
      ],
      actor,
    );
    await noteBy(
      tx,
      actor,
      TABLE.case,
      major.id,
      `Major case created from candidate ${c.number}.` +
        (c.businessImpact ? `\nBusiness impact: ${c.businessImpact}` : ""),
      { table: TABLE.case, id: c.id, number: c.number, event: `case:${c.id}:accepted` },
    );
    await noteBy(
      tx,
      actor,
      TABLE.case,
      c.id,
      `Accepted as a major case: this case is now a child of ${major.number}.`,
      { table: TABLE.case, id: major.id, number: major.number, event: `case:${major.id}:created-from` },
    );
    await mailProposer(tx, actor, c, { accepted: true, major: major.number });
    return { candidate: candidateNumber, major: major.number };
  });
}

/** MAJ-1: the proposal is rejected with a reason; the case is an ordinary case again. */
export async function rejectMajorCase(actor: Actor, number: string, reasonInput: string) {
  assertManager(actor);
  const reason = reasonInput?.trim() ?? "";
  if (!reason) throw invalid("reason", "A reason is required to reject a major case proposal.");
  if (reason.length > 4000) throw invalid("reason", "The reason must be at most 4,000 characters.");
  return transaction(async (tx) => {
    const c = await requireLockedCase(tx, number);
    if (c.majorCaseState !== MajorCaseState.Proposed)
      throw invalid("majorCaseState", "This case is not a major case candidate.");
    // SPEC §1: a candidate that was closed or cancelled meanwhile stays as it is.
    if (isCaseClosedForChanges(c.state))
      throw invalid("state", `This case is ${labelOf(caseStates, c.state)} and cannot be changed.`);
    await decide(tx, c, { majorCaseState: MajorCaseState.Rejected, majorCaseReason: reason });
    await writeAudit(
      tx,
      TABLE.case,
      c.id,
      [
        { field: "majorCaseState", oldValue: MajorCaseState.Proposed, newValue: MajorCaseState.Rejected },
        { field: "majorCaseReason", oldValue: null, newValue: reason },
      ],
      actor,
    );
    await noteBy(tx, actor, TABLE.case, c.id, `Major case proposal rejected: ${reason}`);
    await mailProposer(tx, actor, c, { accepted: false, reason });
    return { number };
  });
}
