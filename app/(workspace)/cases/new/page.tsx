import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NewCaseForm } from "@/components/cases/new-case-form";
import { Section } from "@/components/ui/section";
import { canWriteCases } from "@/lib/domain/auth/roles";
import { workspaceActor } from "@/lib/server/auth/page";
import { assignmentChoices } from "@/lib/server/assignment/read";
import { accountOptions } from "@/lib/server/lookup/choices";

export const metadata: Metadata = { title: "New case" };

export default async function NewCasePage() {
  const actor = await workspaceActor();
  if (!canWriteCases(actor)) notFound();
  const [accounts, assignment] = await Promise.all([accountOptions(), assignmentChoices(null, "case")]);
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <h1 className="text-lg font-semibold">New case</h1>
      <Section title="Case details">
        <NewCaseForm accounts={accounts} groups={assignment.groups} assignees={assignment.assignees} />
      </Section>
    </div>
  );
}
