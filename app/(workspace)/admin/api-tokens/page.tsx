import type { Metadata } from "next";
import { AdminTable } from "@/components/admin/admin-table";
import { NewTokenForm } from "@/components/admin/tokens/new-token-form";
import { TokenStatus } from "@/components/admin/tokens/token-status";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Time } from "@/components/ui/time";
import { hrefWith } from "@/lib/query-string";
import { adminActor } from "@/lib/server/auth/page";
import { tokenUserOptions } from "@/lib/server/lookup/choices";
import { listApiTokens, TOKENS_PAGE } from "@/lib/server/tokens/admin";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await adminActor();
  const [list, users] = await Promise.all([
    listApiTokens(actor, { page: (await searchParams).page }),
    tokenUserOptions(),
  ]);
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <PageHeader title="API tokens">
        A token acts as its user (Authorization: Bearer &lt;token&gt;). It is shown once when created and
        stored only as a hash; a revoked token, or one of a deactivated user, is refused on its next request.
      </PageHeader>
      <Section title="New token" id="new-token-section">
        <NewTokenForm users={users} />
      </Section>
      <AdminTable
        label="API tokens"
        columns={["Name", "User", "Prefix", "Created", "Last used", "Status"]}
        empty="No API tokens."
        list={list}
        pageSize={TOKENS_PAGE}
        hrefFor={(p) => hrefWith("/admin/api-tokens", { page: p })}
      >
        {list.rows.map((t) => (
          <tr key={t.id}>
            <td className="font-medium text-slate-900">{t.name}</td>
            <td>
              {t.user.name}
              <div className="text-xs text-slate-500">
                {t.user.email}
                {!t.user.active && " (deactivated)"}
              </div>
            </td>
            <td className="font-mono text-xs">{t.prefix}…</td>
            <td className="cf-nowrap">
              <Time value={t.createdAt} />
            </td>
            <td className="cf-nowrap">{t.lastUsedAt ? <Time value={t.lastUsedAt} /> : "Never"}</td>
            <td>
              <TokenStatus
                id={t.id}
                name={t.name}
                userName={t.user.name}
                revoked={
                  t.revokedAt && (
                    <Badge tone="gray">
                      Revoked <Time value={t.revokedAt} />
                    </Badge>
                  )
                }
              />
            </td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
