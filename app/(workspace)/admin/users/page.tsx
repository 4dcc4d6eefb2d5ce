import type { Metadata } from "next";
import { AdminTable } from "@/components/admin/admin-table";
import { NewUserForm } from "@/components/admin/users/new-user-form";
import { UserFilters } from "@/components/admin/users/user-filters";
import { UserRow } from "@/components/admin/users/user-row";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { PASSWORD_MIN } from "@/lib/domain/auth/password";
import { assignableRoles, requiredRoles, USER_KINDS } from "@/lib/domain/auth/user-admin";
import { portalRolesFor } from "@/lib/domain/directory/schemas";
import { firstValues, hrefWith, type SearchParams } from "@/lib/query-string";
import { adminActor } from "@/lib/server/auth/page";
import { accountOptions } from "@/lib/server/lookup/choices";
import { listUsers, USERS_PAGE } from "@/lib/server/users/admin";

export const metadata: Metadata = { title: "Users" };

const ROLES_BY_KIND = {
  internal: assignableRoles("internal"),
  contact: assignableRoles("contact"),
  consumer: assignableRoles("consumer"),
};

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await adminActor();
  const sp = firstValues(await searchParams);
  const [list, accounts] = await Promise.all([listUsers(actor, sp), accountOptions()]);
  const { q, kind, active } = list.filter;
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <PageHeader title="Users">
        Internal users, contacts of accounts and consumers. Invite emails someone a link to choose their
        password. A deactivated user is signed out at once and can neither sign in nor use an API token. Every
        change is audited.
      </PageHeader>
      <Section title="New user" id="new-user">
        <NewUserForm
          kinds={USER_KINDS}
          rolesByKind={ROLES_BY_KIND}
          accounts={accounts}
          passwordMin={PASSWORD_MIN}
        />
      </Section>
      <UserFilters q={q} kind={kind} active={active} kinds={USER_KINDS} />
      <AdminTable
        label="Users"
        columns={["User", "Kind", "Roles", "Status", "Sign-in"]}
        empty="No users match."
        list={list}
        pageSize={USERS_PAGE}
        hrefFor={(p) => hrefWith("/admin/users", { q, kind, active, page: p })}
      >
        {list.rows.map((u) => (
          <UserRow
            key={u.id}
            user={u}
            // A contact's Add role offers the portal roles that fit their account (SET-2).
            assignable={
              u.kind === "contact" && u.account ? portalRolesFor(u.account) : assignableRoles(u.kind)
            }
            fixedRoles={requiredRoles(u.kind)}
            self={u.id === actor.id}
          />
        ))}
      </AdminTable>
    </div>
  );
}
