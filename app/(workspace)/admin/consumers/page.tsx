import type { Metadata } from "next";
import { AdminTable } from "@/components/admin/admin-table";
import { DirectoryFilters } from "@/components/directory/directory-filters";
import { NewPersonForm } from "@/components/directory/new-person-form";
import { PersonCells, PersonIdentity } from "@/components/directory/person-cells";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { firstValues, hrefWith, type SearchParams } from "@/lib/query-string";
import { directoryActor } from "@/lib/server/auth/page";
import { CONSUMERS_PAGE, listConsumers } from "@/lib/server/directory/consumers";
import {
  createConsumerAction,
  setConsumerActiveAction,
  updateConsumerAction,
} from "@/app/(workspace)/admin/consumers/actions";

export const metadata: Metadata = { title: "Consumers" };

/** SET-2: consumers — individual customers with no account. */
export default async function ConsumersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await directoryActor();
  const list = await listConsumers(actor, firstValues(await searchParams));
  const { q, status } = list.filter;
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <PageHeader title="Consumers">
        Individual customers (no account). Invite one to let them follow their cases in the portal.
      </PageHeader>
      <Section title="New consumer" id="new-consumer">
        <NewPersonForm action={createConsumerAction} submit="Add consumer" />
      </Section>
      <DirectoryFilters
        path="/admin/consumers"
        label="Search consumers"
        q={q}
        placeholder="Name, email or phone"
        status={status}
      />
      <AdminTable
        label="Consumers"
        columns={["Consumer", "Phone", "Cases", "Status", ""]}
        empty="No consumers match."
        list={list}
        pageSize={CONSUMERS_PAGE}
        hrefFor={(p) => hrefWith("/admin/consumers", { q, status, page: p })}
      >
        {list.rows.map((c) => (
          <tr key={c.id}>
            <PersonIdentity person={c} />
            <td>{c.cases}</td>
            <PersonCells person={c} setActive={setConsumerActiveAction} update={updateConsumerAction} />
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
