import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { CaseFilters } from "@/components/cases/case-filters";
import { CaseTable } from "@/components/cases/case-table";
import { caseColumns, caseRowViews } from "@/components/cases/case-table-data";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { DeleteView, SaveView } from "@/components/views/view-buttons";
import { canReadCases, canWriteCases } from "@/lib/domain/auth/roles";
import { canNotifyCustomers } from "@/lib/domain/proactive/notify";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { listCases } from "@/lib/server/cases/list";
import { groupOptions } from "@/lib/server/assignment/read";
import {
  accountChoice,
  accountOptions,
  assigneeChoice,
  assigneeOptions,
  groupChoice,
  optionsNaming,
} from "@/lib/server/lookup/choices";
import { listViews } from "@/lib/server/views/views";
import { activePlugins } from "@/lib/server/plugins/read";
import { resolutionCodesWithheld } from "@/lib/domain/cases/resolution-codes";
import { caseListQuery, caseViewHref } from "@/lib/domain/views/views";
import { recordId } from "@/lib/domain/validation";
import { NOBODY_PICKED } from "@/lib/domain/assignment/nobody-picked";
import { firstValues, hrefWith, type QueryValue, type SearchParams } from "@/lib/query-string";

export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await workspaceActor();
  const raw = firstValues(await searchParams);
  const writer = canWriteCases(actor);
  // WRK-4: the views come from the layout's per-request cache (one query for both).
  const [list, [accounts, account], [assignees, assignee], [groups, group], views, plugins, workers] =
    await Promise.all([
      readOr404(listCases(actor, raw)),
      // WRK-4: the account and the person filtered by, named (a typeahead's text, or deactivated).
      optionsNaming(accountOptions(), recordId(raw.account) ?? undefined, accountChoice, "Unknown account"),
      // WRK-4: any active internal user may hold cases (one who lost the case role keeps theirs,
      // WRK-1), so the filter offers them all, as its typeahead does past 200 people.
      optionsNaming(
        assigneeOptions(),
        recordId(raw.assignedTo) ?? undefined,
        assigneeChoice,
        "Unknown person",
      ),
      // WRK-4: a deactivated group filtered by is named too (bulk changes offer active ones only).
      optionsNaming(groupOptions(), recordId(raw.group) ?? undefined, groupChoice, "Unknown group"),
      canReadCases(actor) ? listViews(actor) : [],
      // ITSM-5: read with the requester (primed), no query of its own.
      activePlugins(),
      // WRK-1: a bulk assignment offers those who can work cases.
      writer ? assigneeOptions("case") : null,
    ]);
  const filterGroups = group && !groups.includes(group) ? [...groups, group] : groups;
  const href = (patch: Record<string, QueryValue>) => hrefWith("/cases", { ...raw, ...patch });
  const query = hrefWith("", raw);
  // WRK-4: a view's link names it (?view=id): its name heads the list and it can be deleted here.
  const view = views.find((v) => String(v.id) === raw.view);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-lg font-semibold">{view ? `Cases: ${view.name}` : "Cases"}</h1>
        <div className="flex items-center gap-2">
          {view && <DeleteView id={view.id} name={view.name} then={caseViewHref(view.query)} />}
          <SaveView query={caseListQuery(list.params)} />
          {writer && (
            <Link href="/cases/new" className={buttonClass("primary")}>
              New case
            </Link>
          )}
        </div>
      </div>
      <CaseFilters
        // A new form for each filter: a link to another filter of this page (My cases, a view)
        // keeps the page mounted, and the fields that keep state would show the last one's.
        key={query}
        params={list.params}
        accounts={accounts}
        account={account}
        assignees={assignees}
        assignee={assignee}
        // WRK-4: "A person…" (offered with too many people for a select) applied with nobody
        // picked filters by no one: the field says so. A select of people has no such choice.
        nobodyPicked={assignees === null && raw.assignedTo === NOBODY_PICKED}
        groups={filterGroups}
      />
      <CaseTable
        // A new table for each filter: it keeps its bar once it has had rows (a bulk change that
        // empties the list still shows its report), which another filter's empty list must not.
        // Not for another sort or page: the sort link clicked keeps the focus, the selection stays.
        // (Its own key: siblings with one key would be taken for one element.)
        key={`table${hrefWith("", { ...raw, sort: undefined, page: undefined })}`}
        rows={caseRowViews(list.rows)}
        columns={caseColumns(list.params.sort ?? "-updated", (sort) => href({ sort, page: undefined }))}
        // PRO-3: Notify Customers (itil users too); WRK-4: bulk changes (those who write cases).
        selectable={writer || canNotifyCustomers(actor)}
        bulk={
          writer ? { groups, assignees: workers, withheldCodes: resolutionCodesWithheld(plugins) } : undefined
        }
      />
      <Pagination
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        capped={list.totalCapped}
        hrefFor={(page) => href({ page })}
      />
    </div>
  );
}
