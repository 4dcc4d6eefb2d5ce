// ITSM-4: a "related" case resolution code is accepted only when the related record is in the
// matching state; and when a related record closes, the case suggests the matching code.
import { invalid } from "../errors";
import { PLUGIN, type ActivePlugins, type PluginId } from "../plugins/catalog";
import { RESOLVED_INCIDENT_STATES } from "../incidents/lifecycle";
import { isOpenProblem, RESOLVED_PROBLEM_STATES } from "../itsm/problems/lifecycle";
import {
  CaseResolutionCode as C,
  caseResolutionCodes,
  CaseState,
  ChangeState,
  changeStates,
  incidentStates,
  labelOf,
  problemStates,
  RequestState,
  requestStates,
} from "../records/choices";

/** `outcome`: how the record closed (its resolution or close code), where the caller read it. */
type Rec = { number: string; state: number; shortDescription?: string; outcome?: string | null } | null;
export type RelatedState = {
  incident: Rec;
  problem: (Rec & { workaround: string }) | null;
  change: Rec;
  requests: { number: string; state: string; shortDescription?: string }[];
};

type Check = { code: string; ok: (r: RelatedState) => boolean; why: (r: RelatedState) => string };

const CHECKS: Check[] = [
  {
    code: C.FixedByProblem,
    ok: (r) => !!r.problem && RESOLVED_PROBLEM_STATES.includes(r.problem.state),
    why: (r) =>
      r.problem
        ? `${r.problem.number} is ${labelOf(problemStates, r.problem.state)}; it must be Resolved or Closed.`
        : "The case has no related problem.",
  },
  {
    code: C.WorkaroundFromProblem,
    ok: (r) => !!r.problem && isOpenProblem(r.problem.state) && r.problem.workaround.trim() !== "",
    why: (r) =>
      !r.problem
        ? "The case has no related problem."
        : !isOpenProblem(r.problem.state)
          ? `${r.problem.number} is ${labelOf(problemStates, r.problem.state)}; this code is for an open problem.`
          : `${r.problem.number} has no workaround yet.`,
  },
  {
    code: C.FixedByChange,
    ok: (r) => !!r.change && r.change.state === ChangeState.Closed,
    why: (r) =>
      r.change
        ? `${r.change.number} is ${labelOf(changeStates, r.change.state)}; it must be Closed.`
        : "The case has no related change request.",
  },
  {
    code: C.FixedByIncident,
    ok: (r) => !!r.incident && RESOLVED_INCIDENT_STATES.includes(r.incident.state),
    why: (r) =>
      r.incident
        ? `${r.incident.number} is ${labelOf(incidentStates, r.incident.state)}; it must be Resolved or Closed.`
        : "The case has no related incident.",
  },
  {
    code: C.RequestClosedComplete,
    ok: (r) => r.requests.some((q) => q.state === RequestState.ClosedComplete),
    why: (r) => {
      if (!r.requests.length) return "The case has no requests.";
      const listed = r.requests.map((q) => `${q.number}: ${labelOf(requestStates, q.state)}`).join(", ");
      return `None of the case's requests (${listed}) is Closed Complete.`;
    },
  },
];

/**
 * ITSM-5: the plugin that provides each related code (seed 001: "The Service Management integration
 * plugins provide the following case resolution codes"). While it is inactive the code is not offered
 * and a case cannot be resolved with it; a case resolved with it before keeps it.
 */
const CODE_PLUGIN: Readonly<Record<string, PluginId>> = {
  [C.FixedByProblem]: PLUGIN.serviceManagement,
  [C.WorkaroundFromProblem]: PLUGIN.serviceManagement,
  [C.FixedByChange]: PLUGIN.serviceManagement,
  [C.FixedByIncident]: PLUGIN.serviceManagement,
  [C.RequestClosedComplete]: PLUGIN.requestManagement,
};

/**
 * ITSM-5: the codes not to offer (their plugin inactive), but the case's own; undefined when every
 * code is offered — the pages pass this, not the list, so the usual page carries nothing for it
 * (PERF-8: the ten codes, twice, were ~8% of the case page's cost side by side).
 */
export function resolutionCodesWithheld(
  active: ActivePlugins,
  current?: string | null,
): string[] | undefined {
  const withheld = caseResolutionCodes
    .map((c) => c.value)
    .filter((code) => {
      const plugin = CODE_PLUGIN[code];
      return !!plugin && !active.has(plugin) && code !== current;
    });
  return withheld.length ? withheld : undefined;
}

/** ITSM-5: refuses, on the Resolution code field, a related code whose plugin is inactive. */
export function assertResolutionCodeOffered(code: string, active: ActivePlugins): void {
  const plugin = CODE_PLUGIN[code];
  if (plugin && !active.has(plugin))
    throw invalid(
      "resolutionCode",
      `“${code}” is not available: the plugin ${plugin} that provides it is inactive. Pick another code.`,
    );
}

/**
 * ITSM-4: the related record whose state a code relies on and that can still leave that state — a
 * resolved problem or incident can be reopened, an open problem resolved or its workaround cleared.
 * (A Closed change and a Closed Complete request are final.) The service holds it while it checks.
 */
export function recordHeldFor(code: string | null | undefined): "problem" | "incident" | null {
  if (code === C.FixedByProblem || code === C.WorkaroundFromProblem) return "problem";
  if (code === C.FixedByIncident) return "incident";
  return null;
}

/** Throws a clear error on the Resolution code field when a related code does not fit yet. */
export function assertResolutionCodeFits(code: string, related: RelatedState): void {
  const check = CHECKS.find((c) => c.code === code);
  if (check && !check.ok(related))
    throw invalid("resolutionCode", `“${code}” cannot be used yet: ${check.why(related)}`);
}

/** Which related codes fit now (for tests and the dialog). */
export function fittingRelatedCodes(related: RelatedState): string[] {
  return CHECKS.filter((c) => c.ok(related)).map((c) => c.code);
}

const fixedBy = (r: { number: string; shortDescription?: string }) =>
  `Fixed by ${r.number}${r.shortDescription ? `: ${r.shortDescription}` : ""}.`;

/**
 * The codes that close a record without fixing anything: a problem closed as Canceled is no reason to
 * tell the customer "Fixed by closing related PRB". The suggestion skips such a record (the agent
 * can still pick the code: ITSM-4 accepts it by state).
 */
const NOT_A_FIX: Record<"incident" | "problem" | "change", readonly string[]> = {
  incident: ["Duplicate", "No resolution provided"],
  problem: ["Risk Accepted", "Duplicate", "Canceled"],
  change: ["Unsuccessful"],
};
const fixed = (kind: keyof typeof NOT_A_FIX, r: NonNullable<Rec>) =>
  !NOT_A_FIX[kind].includes(r.outcome ?? "");

export type Suggestion = { resolutionCode: string; resolutionNotes: string; because: string };

/** ITSM-4: once a related record is closed, the resolution to offer the agent (most specific first). */
export function suggestResolution(caseState: number, related: RelatedState): Suggestion | null {
  if (caseState !== CaseState.Open && caseState !== CaseState.AwaitingInfo && caseState !== CaseState.New)
    return null;
  const { problem, change, incident, requests } = related;
  if (problem && RESOLVED_PROBLEM_STATES.includes(problem.state) && fixed("problem", problem)) {
    return {
      resolutionCode: C.FixedByProblem,
      resolutionNotes: fixedBy(problem),
      because: `${problem.number} is ${labelOf(problemStates, problem.state)}`,
    };
  }
  if (change && change.state === ChangeState.Closed && fixed("change", change)) {
    return {
      resolutionCode: C.FixedByChange,
      resolutionNotes: fixedBy(change),
      because: `${change.number} is Closed`,
    };
  }
  if (incident && RESOLVED_INCIDENT_STATES.includes(incident.state) && fixed("incident", incident)) {
    return {
      resolutionCode: C.FixedByIncident,
      resolutionNotes: fixedBy(incident),
      because: `${incident.number} is ${labelOf(incidentStates, incident.state)}`,
    };
  }
  const done = requests.find((q) => q.state === RequestState.ClosedComplete);
  if (done)
    return {
      resolutionCode: C.RequestClosedComplete,
      resolutionNotes: `${done.number} was fulfilled.`,
      because: `${done.number} is Closed Complete`,
    };
  return null;
}
