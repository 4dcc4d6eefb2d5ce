"use client";
import Link from "@/components/ui/link";
import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { AssigneeField } from "@/components/pickers/assignee-field";
import { ReferenceField } from "@/components/pickers/reference-field";
import { casePriorities, caseStates } from "@/lib/domain/records/choices";
import type { CaseListParams } from "@/lib/domain/cases/schemas";
import { NOBODY_PICKED, nobodyPickedMessage } from "@/lib/domain/assignment/nobody-picked";

type Opt = { value: number; label: string };

const ASSIGNED_TO_SPECIALS = [
  { value: "", label: "Anyone" },
  { value: "me", label: "Me" },
  { value: "none", label: "Unassigned" },
];

/**
 * The list filters: a plain GET form, so every filtered view has a shareable URL. A client
 * component rendered from its data (the option lists): the server's payload is those lists, not a
 * copy of every <option> element (PERF-8); only the Account
 * (a ReferenceField) and Assigned to (an AssigneeField) fields keep state.
 */
export function CaseFilters({
  params,
  accounts,
  account,
  assignees,
  assignee,
  nobodyPicked = false,
  groups,
}: {
  params: CaseListParams;
  /** All active accounts for a select, or null when there are too many (then a typeahead). */
  accounts: Opt[] | null;
  /** The account the list is filtered by, named ("Unknown account" for an id that names none). */
  account?: Opt | null;
  /** The active internal users for a select, or null when there are too many (then a typeahead). */
  assignees: Opt[] | null;
  /** The person the list is filtered by, named ("Unknown person" for an id that names no one). */
  assignee?: Opt | null;
  /** WRK-4: "A person…" was applied with nobody picked (lib/domain/assignment/nobody-picked.ts). */
  nobodyPicked?: boolean;
  /** WRK-4: the active assignment groups. */
  groups: Opt[];
}) {
  const mine = params.assignedTo === "me";
  return (
    <form
      method="get"
      action="/cases"
      role="search"
      aria-label="Filter cases"
      className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      {/* "Contains", not "Search": the header's global search box is the page's "Search". */}
      <label className="flex min-w-56 flex-1 flex-col gap-1 text-xs font-semibold text-slate-600">
        Contains
        <input
          name="q"
          type="text" /* the header's Search is the page's one searchbox (WRK-5) */
          maxLength={100}
          defaultValue={params.q ?? ""}
          placeholder="Number or short description"
          className={controlClass()}
        />
      </label>
      <label className="flex flex-col gap-1 text-xs font-semibold text-slate-600">
        State
        <select name="state" defaultValue={params.state ?? "all"} className={controlClass()}>
          <option value="all">All states</option>
          <option value="open">Active (New, Open, Awaiting Info)</option>
          {caseStates.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-semibold text-slate-600">
        Priority
        <select name="priority" defaultValue={params.priority ?? ""} className={controlClass()}>
          <option value="">Any priority</option>
          {casePriorities.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {/* WRK-4: a select of the active accounts, or with too many for one (SELECT_LIMIT) a typeahead
          over them; the account filtered by is offered even when deactivated. */}
      <ReferenceField
        label="Account"
        name="account"
        kind="accounts"
        id="filter-account"
        className="min-w-48 font-semibold text-slate-600" // its control as the others, inside their labels
        value={account ? { id: account.value, label: account.label } : null}
        options={accounts}
        blank="Any account"
        placeholder="Any account"
      />
      {/* WRK-4: the people in the select, or with too many for one (SELECT_LIMIT) "A person…" and a
          typeahead over them; the person filtered by is named even when deactivated. */}
      <AssigneeField
        label="Assigned to"
        name="assignedTo"
        id="filter-assigned-to"
        className="font-semibold text-slate-600" // its control as the others, inside their labels
        specials={ASSIGNED_TO_SPECIALS}
        people={assignees}
        // "A person…" with nobody picked stays chosen, its typeahead empty and the error under it.
        value={
          nobodyPicked ? NOBODY_PICKED : params.assignedTo === undefined ? "" : String(params.assignedTo)
        }
        person={assignee}
        error={nobodyPicked ? nobodyPickedMessage("Assigned to") : undefined}
      />
      {/* WRK-4: assignment group, proactive (PRO-1), customer replied (WRK-3); NOT-5: SLA. */}
      <label className="flex flex-col gap-1 text-xs font-semibold text-slate-600">
        Assignment group
        <select
          name="group"
          defaultValue={params.group === undefined ? "" : String(params.group)}
          className={controlClass()}
        >
          <option value="">Any group</option>
          <option value="mine">My groups</option>
          <option value="none">No group</option>
          {groups.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-semibold text-slate-600">
        Proactive
        <select name="proactive" defaultValue={params.proactive ?? ""} className={controlClass()}>
          <option value="">Any</option>
          <option value="1">Proactive only</option>
          <option value="0">Not proactive</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-semibold text-slate-600">
        SLA
        <select name="sla" defaultValue={params.sla ?? ""} className={controlClass()}>
          <option value="">Any</option>
          <option value="breached">Breached</option>
          <option value="soon">Due within an hour</option>
          <option value="any">Running or breached</option>
        </select>
      </label>
      <label className="flex items-center gap-2 self-center pt-4 text-xs font-semibold text-slate-600">
        <input
          type="checkbox"
          name="replied"
          value="1"
          defaultChecked={params.replied === "1"}
          className="h-4 w-4 rounded border-slate-400 accent-brand-600"
        />
        Customer replied
      </label>
      <label className="flex items-center gap-2 self-center pt-4 text-xs font-semibold text-slate-600">
        <input
          type="checkbox"
          name="attention"
          value="1"
          defaultChecked={params.attention === "1"}
          className="h-4 w-4 rounded border-slate-400 accent-brand-600"
        />
        Needs attention
      </label>
      {/* My work's "View all" of Needs attention (WRK-2) lists my queue: mine and the unassigned cases of
          my groups. Shown, so it can be seen and taken off — a hidden input kept it through every Apply
          and into a saved view with nothing saying so. */}
      {params.queue === "mine" && (
        <label className="flex items-center gap-2 self-center pt-4 text-xs font-semibold text-slate-600">
          <input
            type="checkbox"
            name="queue"
            value="mine"
            defaultChecked
            className="h-4 w-4 rounded border-slate-400 accent-brand-600"
          />
          My queue
        </label>
      )}
      {params.sort && <input type="hidden" name="sort" value={params.sort} />}
      <button type="submit" className={buttonClass("primary")}>
        Apply
      </button>
      <Link href={mine ? "/cases" : "/cases?assignedTo=me&state=open"} className={buttonClass("ghost")}>
        {mine ? "All cases" : "My cases"}
      </Link>
    </form>
  );
}
