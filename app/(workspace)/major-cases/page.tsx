import type { Metadata } from "next";
import Link from "next/link";
import { Badge, priorityTone } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Time } from "@/components/ui/time";
import { casePriorities, caseStates, labelOf } from "@/lib/domain/records/choices";
import { readOr404, workspaceActor } from "@/lib/server/auth/page";
import { majorCaseOverview } from "@/lib/server/major/read";

export const metadata: Metadata = { title: "Major cases" };

type Row = Awaited<ReturnType<typeof majorCaseOverview>>["candidates"][number];

function Table({ rows, caption, kind }: { rows: Row[]; caption: string; kind: "candidate" | "major" }) {
  if (!rows.length) return <p className="text-sm text-slate-500">{kind === "candidate" ? "No cases are waiting for a decision." : "No open major cases."}</p>;
  return (
    <table className="cf-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Number</th><th scope="col">Short description</th><th scope="col">Business impact</th><th scope="col">Priority</th>
          <th scope="col">{kind === "candidate" ? "Proposed" : "Children"}</th>{kind === "major" && <th scope="col">State</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="cf-nowrap"><Link className="cf-link" href={`/cases/${r.number}`} prefetch={false}>{r.number}</Link></td>
            <td className="cf-clip">{r.shortDescription}</td>
            <td className="max-w-sm truncate">{r.businessImpact ?? "—"}</td>
            <td className="cf-nowrap"><Badge tone={priorityTone(r.priority)}>{labelOf(casePriorities, r.priority)}</Badge></td>
            <td className="cf-nowrap">{kind === "candidate" ? <Time value={r.proposedAt} /> : r._count.children}</td>
            {kind === "major" && <td>{labelOf(caseStates, r.state)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function MajorCasesPage() {
  const actor = await workspaceActor();
  const { candidates, majors } = await readOr404(majorCaseOverview(actor));
  return (
    <div className="space-y-4">
      <PageHeader title="Major cases">Candidates proposed by agents wait here for a major issue manager to accept or reject them.</PageHeader>
      <Section title="Major case candidates" id="candidates"><Table rows={candidates} caption="Major case candidates" kind="candidate" /></Section>
      <Section title="Open major cases" id="majors"><Table rows={majors} caption="Open major cases" kind="major" /></Section>
    </div>
  );
}
