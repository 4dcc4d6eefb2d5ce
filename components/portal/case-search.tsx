import { controlClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { caseStates } from "@/lib/domain/records/choices";

/** POR-1: search by number or short description, and a state filter; a plain GET form. */
export function PortalCaseSearch({ q, state }: { q: string; state: number | null }) {
  return (
    <form method="get" action="/portal" role="search" className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1 basis-48">
        <label htmlFor="portal-q" className="mb-1 block text-xs font-semibold text-slate-600">
          Search
        </label>
        <input
          id="portal-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={100}
          placeholder="Case number or short description"
          className={controlClass()}
        />
      </div>
      <div className="basis-40">
        <label htmlFor="portal-state" className="mb-1 block text-xs font-semibold text-slate-600">
          State
        </label>
        <select id="portal-state" name="state" defaultValue={state ?? ""} className={controlClass()}>
          <option value="">Any state</option>
          {caseStates.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("primary")}>
        Search
      </button>
    </form>
  );
}
