import type { Metadata } from "next";
import { CaseTable } from "@/components/cases/case-table";
import { caseRowViews, plainColumns } from "@/components/cases/case-table-data";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { majorCaseOverview } from "@/lib/server/major/read";

export const metadata: Metadata = { title: "Major cases" };

const CANDIDATE_COLUMNS = plainColumns([
  ["number", "Number"],
  ["shortDescription", "Short description"],
  ["businessImpact", "Business impact"],
  ["priority", "Priority"],
  ["proposed", "Proposed"],
]);
const MAJOR_COLUMNS = plainColumns([
  ["number", "Number"],
  ["shortDescription", "Short description"],
  ["businessImpact", "Business impact"],
  ["priority", "Priority"],
  ["children", "Children"],
  ["state", "State"],
]);

export default async function MajorCasesPage() {
  const actor = await workspaceActor();
  const { candidates, majors } = await readOr404(majorCaseOverview(actor));
  return (
    <div className="space-y-4">
      <PageHeader title="Major cases">
        Candidates proposed by agents wait here for a major issue manager to accept or reject them.
      </PageHeader>
      <Section title="Major case candidates" id="candidates">
        <CaseTable
          rows={caseRowViews(candidates)}
          columns={CANDIDATE_COLUMNS}
          caption="Major case candidates"
          empty="No cases are waiting for a decision."
          framed={false}
        />
      </Section>
      <Section title="Open major cases" id="majors">
        <CaseTable
          rows={caseRowViews(majors)}
          columns={MAJOR_COLUMNS}
          caption="Open major cases"
          empty="No open major cases."
          framed={false}
        />
      </Section>
    </div>
  );
}
