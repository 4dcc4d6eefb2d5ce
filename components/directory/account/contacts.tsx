import {
  createContactAction,
  setContactActiveAction,
  updateContactAction,
} from "@/app/(workspace)/admin/accounts/actions";
import { AdminTable } from "@/components/admin/admin-table";
import { Badge } from "@/components/ui/badge";
import { hrefWith } from "@/lib/query-string";
import { SectionSearch } from "./section-search";
import { NewPersonForm } from "../new-person-form";
import { PersonCells, PersonIdentity } from "../person-cells";
import type { PersonRow } from "../person-dialog";

export type ContactRow = PersonRow & {
  active: boolean;
  canSignIn: boolean;
  mayInvite: boolean;
  roles: string[];
};

/** SET-2, SET-4: an account's contacts — roles, whether they can sign in, Edit, Invite, Deactivate. */
export function AccountContacts({
  accountNumber,
  accountId,
  accountActive,
  contacts,
  pageSize,
  portalRoles,
  defaultRoles,
}: {
  accountNumber: string;
  accountId: number;
  accountActive: boolean;
  contacts: { rows: ContactRow[]; total: number; page: number; q: string };
  pageSize: number;
  portalRoles: readonly string[];
  defaultRoles: readonly string[];
}) {
  const path = `/admin/accounts/${accountNumber}`;
  return (
    <div className="space-y-4">
      <SectionSearch
        path={path}
        name="contactQ"
        label="Search contacts"
        value={contacts.q}
        placeholder="Name or email"
      />
      <AdminTable
        label="Contacts"
        columns={["Contact", "Phone", "Portal roles", "Status", ""]}
        empty={contacts.q ? "No contacts match." : "No contacts yet."}
        list={contacts}
        pageSize={pageSize}
        hrefFor={(p) => hrefWith(path, { contactQ: contacts.q, contactPage: p })}
      >
        {contacts.rows.map((c) => (
          <tr key={c.id}>
            <PersonIdentity person={c} />
            <td className="space-x-1">
              {c.roles
                .filter((r) => r !== "snc_external")
                .map((r) => (
                  <Badge key={r} tone="blue">
                    {r}
                  </Badge>
                ))}
            </td>
            <PersonCells
              person={c}
              setActive={setContactActiveAction}
              update={updateContactAction}
              portalRoles={portalRoles}
            />
          </tr>
        ))}
      </AdminTable>
      {accountActive && (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
          <h3 className="mb-2 text-sm font-semibold text-slate-700">New contact</h3>
          <NewPersonForm
            action={createContactAction}
            submit="Add contact"
            accountId={accountId}
            portalRoles={portalRoles}
            defaultRoles={defaultRoles}
          />
        </div>
      )}
    </div>
  );
}
