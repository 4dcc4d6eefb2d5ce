import type { Metadata } from "next";
import { GroupCard } from "@/components/admin/groups/group-card";
import { NewGroupForm } from "@/components/admin/groups/new-group-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { adminActor } from "@/lib/server/auth/page";
import { listGroups } from "@/lib/server/assignment/read";
import { assigneeOptions } from "@/lib/server/lookup/choices";

export const metadata: Metadata = { title: "Assignment groups" };

/** WRK-1: assignment groups — name, manager, members. */
export default async function GroupsPage() {
  const actor = await adminActor();
  // WRK-1: null with more people than a select lists — the pickers are typeaheads then.
  const [groups, users] = await Promise.all([listGroups(actor), assigneeOptions()]);
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <PageHeader title="Assignment groups">
        Cases and incidents are assigned to a group and to one of its active members. Members get an email
        when work is assigned to them, or to their group with nobody assigned.
      </PageHeader>
      <Section title="New group" id="new-group">
        <NewGroupForm users={users} />
      </Section>
      {groups.length ? (
        groups.map((g) => <GroupCard key={g.id} group={g} users={users} />)
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-500">
          No groups yet.
        </p>
      )}
    </div>
  );
}
