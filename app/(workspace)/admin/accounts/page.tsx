import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { AdminTable } from "@/components/admin/admin-table";
import { DirectoryFilters } from "@/components/directory/directory-filters";
import { NewAccountForm } from "@/components/directory/new-account-form";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { firstValues, hrefWith, type SearchParams } from "@/lib/query-string";
import { directoryActor } from "@/lib/server/auth/page";
import { ACCOUNTS_PAGE, listAccounts } from "@/lib/server/directory/read";

export const metadata: Metadata = { title: "Accounts" };

/** SET-2: the customer directory's accounts — for administrators and customer service managers. */
export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await directoryActor();
  const list = await listAccounts(actor, firstValues(await searchParams));
  const { q, type, status } = list.filter;
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <PageHeader
        title="Accounts"
        actions={
          <Link href="/admin/import" className="text-sm font-medium text-brand-700 hover:underline">
            Import from a CSV file
          </Link>
        }
      >
        The companies Caseflow serves (customers) and works with (partners), with their contacts and assets.
      </PageHeader>
      <Section title="New account" id="new-account">
        <NewAccountForm />
      </Section>
      <DirectoryFilters
        path="/admin/accounts"
        label="Search accounts"
        q={q}
        placeholder="Name or number"
        status={status}
        type={{ value: type }}
      />
      <AdminTable
        label="Accounts"
        columns={["Account", "Type", "Primary contact", "Active contacts", "Status"]}
        empty="No accounts match."
        list={list}
        pageSize={ACCOUNTS_PAGE}
        hrefFor={(p) => hrefWith("/admin/accounts", { q, type, status, page: p })}
      >
        {list.rows.map((a) => (
          <tr key={a.id}>
            <td>
              <Link
                href={`/admin/accounts/${a.number}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {a.name}
              </Link>
              <div className="text-xs text-slate-500">{a.number}</div>
            </td>
            <td className="space-x-1">
              {a.isCustomer && <Badge tone="blue">Customer</Badge>}
              {a.isPartner && <Badge tone="violet">Partner</Badge>}
            </td>
            <td>{a.primaryContact?.name ?? <span className="text-slate-400">—</span>}</td>
            <td>{a.contacts}</td>
            <td>
              <Badge tone={a.active ? "green" : "gray"}>{a.active ? "Active" : "Inactive"}</Badge>
            </td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
