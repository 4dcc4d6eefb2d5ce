// WRK-5: what the global search answers — results grouped by kind, a few per kind, each with its
// number, title, a line of detail and the page it opens.
import {
  caseStates,
  changeStates,
  incidentStates,
  labelOf,
  problemStates,
  requestStates,
  type Choice,
} from "../records/choices";
import { SEARCH_KIND_LABEL, SEARCH_KINDS, type SearchKind } from "./kinds";

export type SearchHit = {
  kind: SearchKind;
  /** `${kind}:${id}`: unique over the answer. */
  key: string;
  /** The record's number; a contact has none. */
  number: string | null;
  title: string;
  detail: string;
  href: string;
};
export type SearchGroup = { kind: SearchKind; label: string; hits: SearchHit[] };
export type SearchAnswer = { q: string; groups: SearchGroup[] };

/** A found row as the database answers it (the state as text, flags c/p/i: customer, partner, inactive). */
export type FoundRow = {
  kind: SearchKind;
  id: number;
  number: string | null;
  title: string;
  state: string | null;
  accountName: string | null;
  email: string | null;
  flags: string | null;
};

const STATES: Partial<Record<SearchKind, readonly Choice[]>> = {
  case: caseStates,
  incident: incidentStates,
  problem: problemStates,
  change: changeStates,
  request: requestStates,
};

function stateLabel(kind: SearchKind, state: string | null): string {
  if (state === null) return "";
  const choices = STATES[kind];
  if (!choices) return state; // work order states are their own labels
  const value = typeof choices[0]?.value === "number" ? Number(state) : state;
  return labelOf(choices as Choice[], value);
}

/** The line under a result's title: state and account, an account's type, a contact's email. */
export function hitDetail(row: FoundRow): string {
  const inactive = row.flags?.includes("i") ? "Inactive" : "";
  const parts =
    row.kind === "account"
      ? [row.flags?.includes("p") ? "Partner" : "", row.flags?.includes("c") ? "Customer" : "", inactive]
      : row.kind === "contact"
        ? [row.email ?? "", row.accountName ?? "", inactive]
        : [stateLabel(row.kind, row.state), row.accountName ?? ""];
  return parts.filter(Boolean).join(" · ");
}

/** Hits into groups, in SEARCH_KINDS order; kinds without a hit are left out. */
export function groupHits(hits: readonly SearchHit[]): SearchGroup[] {
  return SEARCH_KINDS.map((kind) => ({
    kind,
    label: SEARCH_KIND_LABEL[kind],
    hits: hits.filter((h) => h.kind === kind),
  })).filter((g) => g.hits.length > 0);
}
