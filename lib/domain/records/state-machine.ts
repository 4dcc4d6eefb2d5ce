// A lifecycle is a table of legal next states per state (REC-3).
import { invalid } from "../errors";
import { labelOf, type Choice } from "./choices";

export type Lifecycle<S extends string | number> = {
  /** What the record is called in messages: "case", "incident"… */
  noun: string;
  states: readonly Choice<S>[];
  next: ReadonlyMap<S, readonly S[]>;
};

export function legalNextStates<S extends string | number>(lc: Lifecycle<S>, from: S): readonly S[] {
  return lc.next.get(from) ?? [];
}

export function isTerminal<S extends string | number>(lc: Lifecycle<S>, state: S): boolean {
  return legalNextStates(lc, state).length === 0;
}

/** Throws a clear error naming the state field unless from → to is legal (staying put is always legal). */
export function assertTransition<S extends string | number>(lc: Lifecycle<S>, from: S, to: S): void {
  if (from === to) return;
  if (!lc.states.some((s) => s.value === to)) throw invalid("state", `"${to}" is not a ${lc.noun} state.`);
  if (!legalNextStates(lc, from).includes(to)) {
    const fromLabel = labelOf(lc.states, from);
    const toLabel = labelOf(lc.states, to);
    const hint = isTerminal(lc, from) ? ` A ${fromLabel} ${lc.noun} cannot be changed.` : "";
    const a = /^[aeiou]/i.test(lc.noun) ? "An" : "A"; // "An incident", "A case"
    throw invalid("state", `${a} ${lc.noun} cannot move from ${fromLabel} to ${toLabel}.${hint}`);
  }
}

/** The states a State select should offer: the current one and its legal next states. */
export function selectableStates<S extends string | number>(lc: Lifecycle<S>, current: S): Choice<S>[] {
  const allowed = new Set<S>([current, ...legalNextStates(lc, current)]);
  return lc.states.filter((s) => allowed.has(s.value));
}
