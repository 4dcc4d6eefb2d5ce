import type { Metadata } from "next";
import { RecordList } from "@/components/itsm/record-list";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { ITSM_PAGE_SIZE, listItsm } from "@/lib/server/itsm/read";
import { CHANGE } from "@/lib/server/itsm/specs";

export const metadata: Metadata = { title: "Changes" };

export default async function ChangesPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const actor = await workspaceActor();
  const sp = await searchParams;
  const list = await readOr404(listItsm(CHANGE, actor, { q: sp.q, page: Number(sp.page) || 1 }));
  return (
    <RecordList
      title="Changes"
      path={CHANGE.path}
      rows={list.rows}
      total={list.total}
      page={list.page}
      pageSize={ITSM_PAGE_SIZE}
      q={sp.q ?? ""}
    />
  );
}
