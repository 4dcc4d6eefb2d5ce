import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { AuditHistory } from "@/components/audit/history";
import { ActiveToggle } from "@/components/directory/active-toggle";
import { AccountAssets } from "@/components/directory/account/asset-list";
import { AccountContacts } from "@/components/directory/account/contacts";
import { AccountForm } from "@/components/directory/account/account-form";
import { OpenCases } from "@/components/directory/account/open-cases";
import { RelatedAccounts } from "@/components/directory/account/related-accounts";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import { defaultPortalRoles, portalRolesFor } from "@/lib/domain/directory/schemas";
import { firstValues, type SearchParams } from "@/lib/query-string";
import { setAccountActiveAction } from "@/app/(workspace)/admin/accounts/actions";
import { directoryActor, readOr404 } from "@/lib/server/auth/page";
import { accountPage, ASSETS_PAGE, CONTACTS_PAGE } from "@/lib/server/directory/read";
import { contactOptions } from "@/lib/server/lookup/choices";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ number: string }>;
}): Promise<Metadata> {
  return { title: `Account ${(await params).number}` };
}

const DEACTIVATE =
  "Its active contacts are deactivated with it: signed out at once, their API tokens revoked, and they " +
  "can no longer sign in to the portal. The account is offered in no picker; its cases stay as they are. " +
  "Reactivating it later brings back the account, not its contacts.";

/** SET-2: one account — details, contacts, assets, related accounts, open cases, history. */
export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const actor = await directoryActor();
  const { number } = await params;
  const sp = firstValues(await searchParams);
  const page = await readOr404(
    accountPage(actor, number, {
      contactQ: sp.contactQ,
      contactPage: sp.contactPage,
      assetQ: sp.assetQ,
      assetPage: sp.assetPage,
    }),
  );
  const { account } = page;
  const primaryOptions = await contactOptions(account.id);
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/accounts" className="text-brand-700 underline">
          Accounts
        </Link>{" "}
        / {account.number}
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-lg font-semibold">{account.name}</h1>
          <span className="text-sm text-slate-600">{account.number}</span>
          {account.isCustomer && <Badge tone="blue">Customer</Badge>}
          {account.isPartner && <Badge tone="violet">Partner</Badge>}
        </div>
        <ActiveToggle
          action={setAccountActiveAction.bind(null, account.number)}
          fields={{}}
          active={account.active}
          name={account.name}
          deactivateIntro={DEACTIVATE}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Section title="Details" id="details">
            <AccountForm account={account} contacts={primaryOptions} />
          </Section>
          <Section title={`Contacts (${page.contacts.total.toLocaleString("en")})`} id="contacts">
            <AccountContacts
              accountNumber={account.number}
              accountId={account.id}
              accountActive={account.active}
              contacts={page.contacts}
              pageSize={CONTACTS_PAGE}
              portalRoles={portalRolesFor(account)}
              defaultRoles={defaultPortalRoles(account)}
            />
          </Section>
          <Section title={`Assets (${page.assets.total.toLocaleString("en")})`} id="assets">
            <AccountAssets
              accountNumber={account.number}
              accountId={account.id}
              accountActive={account.active}
              assets={page.assets}
              pageSize={ASSETS_PAGE}
            />
          </Section>
        </div>
        <div className="space-y-4">
          <Section title="Related accounts" id="related">
            <RelatedAccounts
              number={account.number}
              isPartner={account.isPartner}
              isCustomer={account.isCustomer}
              related={page.related}
              total={page.relatedTotal}
            />
          </Section>
          <Section title={`Open cases (${page.openCount.toLocaleString("en")})`} id="open-cases">
            <OpenCases cases={page.openCases} total={page.openCount} />
          </Section>
          <Section title="History" id="history">
            <AuditHistory rows={page.history} />
          </Section>
        </div>
      </div>
    </div>
  );
}
