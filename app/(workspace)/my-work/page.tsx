import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { CaseTable } from "@/components/cases/case-table";
import { LiveSections } from "@/components/my-work/live-sections";
import { caseRowViews, plainColumns } from "@/components/cases/case-table-data";
import { MY_WORK_SECTIONS } from "@/lib/domain/my-work/sections";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { myWork } from "@/lib/server/my-work/read";

export const metadata: Metadata = { title: "My work" };

const COLUMNS = plainColumns([
  ["number", "Number"],
  ["shortDescription", "Short description"],
  ["state", "State"],
  ["priority", "Priority"],
  ["account", "Account"],
  ["group", "Assignment group"],
  ["assignedTo", "Assigned to"],
  ["sla", "SLA"],
  ["updated", "Updated"],
]);

/**
 * WRK-2: where internal users land — their open cases, the unassigned cases of their groups, and
 * the cases a customer is waiting on. Each section is a case-list filter: "View all" opens it there.
 */
export default async function MyWorkPage() {
  const actor = await workspaceActor();
  const sections = await readOr404(myWork(actor));
  return (
    <div className="space-y-6">
      <h1 className="text-lg font-semibold">My work</h1>
      <LiveSections
        counts={{
          assigned: sections.assigned.totalText,
          unassigned: sections.unassigned.totalText,
          attention: sections.attention.totalText,
        }}
      />
      {MY_WORK_SECTIONS.map((s) => {
        const list = sections[s.key];
        const headingId = `my-work-${s.key}`;
        return (
          <section key={s.key} aria-labelledby={headingId} className="space-y-2">
            <div className="flex items-baseline justify-between">
              <h2 id={headingId} className="text-base font-semibold">
                {s.title} <span className="text-sm font-normal text-slate-600">({list.totalText})</span>
              </h2>
              {list.total > list.rows.length && (
                <Link href={list.href} className="text-sm font-medium text-brand-700 hover:underline">
                  View all {list.totalText}
                </Link>
              )}
            </div>
            <CaseTable rows={caseRowViews(list.rows)} columns={COLUMNS} caption={s.title} empty={s.empty} />
          </section>
        );
      })}
    </div>
  );
}
