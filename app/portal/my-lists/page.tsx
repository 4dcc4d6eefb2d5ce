import type { Metadata } from "next";
import { MyListsCases } from "@/components/portal/my-lists-cases";
import { RelatedRecordList } from "@/components/portal/related-record-list";
import { Pagination } from "@/components/ui/pagination";
import { readOr404 } from "@/lib/server/auth/page";
import { listMyOpenCases, listMyRequests } from "@/lib/server/portal/my-lists";
import { portalActor } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "My Lists" };

type Search = { casePage?: string | string[]; requestPage?: string | string[] };
const pageOf = (v: string | string[] | undefined) => (typeof v === "string" && Number(v)) || 1;

/**
 * POR-5 My Lists: the user's open cases and the requests related to the cases they may see
 * (ROLE-3), each opening its customer-safe details: a case its page, a request a dialog.
 */
export default async function MyListsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await portalActor();
  const sp = await searchParams;
  const [casePage, requestPage] = [pageOf(sp.casePage), pageOf(sp.requestPage)];
  const [cases, requests] = await readOr404(
    Promise.all([listMyOpenCases(actor, casePage), listMyRequests(actor, requestPage)]),
  );
  const current = { casePage: String(casePage), requestPage: String(requestPage) };
  const hrefFor = (key: keyof typeof current) => (page: number) =>
    `/portal/my-lists?${new URLSearchParams({ ...current, [key]: String(page) })}`;
  return (
    <div className="mx-auto max-w-3xl space-y-6 p-3 sm:p-6">
      <h1 className="text-xl font-semibold">My Lists</h1>
      <section aria-labelledby="my-cases-heading" className="space-y-2">
        <h2 id="my-cases-heading" className="text-base font-semibold">
          My open cases
        </h2>
        <MyListsCases
          rows={cases.rows}
          footer={cases.total > cases.pageSize && <Pagination {...cases} hrefFor={hrefFor("casePage")} />}
        />
      </section>
      {requests && (
        <section aria-labelledby="my-requests-heading" className="space-y-2">
          <h2 id="my-requests-heading" className="text-base font-semibold">
            Requests
          </h2>
          <RelatedRecordList
            items={requests.rows.map((r) => ({ ...r, type: "Request" }))}
            showCase
            empty="No requests are related to your cases."
          />
          {requests.total > requests.pageSize && (
            <Pagination {...requests} hrefFor={hrefFor("requestPage")} />
          )}
        </section>
      )}
    </div>
  );
}
