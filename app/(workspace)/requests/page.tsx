import type { Metadata } from "next";
import { RecordList } from "@/components/itsm/record-list";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { ITSM_PAGE_SIZE, listItsm } from "@/lib/server/itsm/read";
import { REQUEST } from "@/lib/server/itsm/specs";

export const metadata: Metadata = { title: "Requests" };

export default async function RequestsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const actor = await workspaceActor();
  const sp = await searchParams;
  const list = await readOr404(listItsm(REQUEST, actor, { q: sp.q, page: Number(sp.page) || 1 }));
  return (
    <RecordList
      title="Requests"
      path={REQUEST.path}
      rows={list.rows}
      total={list.total}
      page={list.page}
      pageSize={ITSM_PAGE_SIZE}
      q={sp.q ?? ""}
    />
  );
}
