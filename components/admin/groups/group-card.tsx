"use client";
import {
  addGroupMemberAction,
  removeGroupMemberAction,
  setGroupActiveAction,
  updateGroupAction,
} from "@/app/(workspace)/admin/groups/actions";
import { useState } from "react";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { ActiveToggle } from "@/components/directory/active-toggle";
import { TextField, type Option } from "@/components/ui/field";
import { PersonField } from "./person-field";
import { FormNotice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

const DEACTIVATE_INTRO =
  "An inactive group is offered in no picker and takes no new work. Its cases keep it until someone moves them.";

export type GroupView = {
  id: number;
  name: string;
  /** The manager, named (the Manager typeahead's text). */
  manager: { id: number; label: string } | null;
  active: boolean;
  version: number;
  members: { id: number; name: string; email: string; active: boolean }[];
};

/** WRK-1: one group on /admin/groups — its name and manager, its members, active or not. */
export function GroupCard({ group, users }: { group: GroupView; users: Option[] | null }) {
  const headingId = `group-${group.id}`;
  const memberIds = new Set(group.members.map((m) => m.id));
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {group.name}
        </h2>
        <ActiveToggle
          action={setGroupActiveAction}
          fields={{ id: String(group.id) }}
          active={group.active}
          name={group.name}
          deactivateIntro={DEACTIVATE_INTRO}
        />
      </header>
      <EditGroup key={group.version} group={group} users={users} />
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-700">Members ({group.members.length})</h3>
        {group.members.length ? (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {group.members.map((m) => (
              <li key={m.id} className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm">
                <span>
                  {m.name} <span className="text-slate-500">{m.email}</span>
                  {!m.active && <span className="cf-badge gray ml-1">Inactive</span>}
                </span>
                <MemberButton groupId={group.id} userId={m.id} name={m.name} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">
            No members yet: nobody can be assigned this group&apos;s work.
          </p>
        )}
        <AddMember groupId={group.id} users={users && users.filter((u) => !memberIds.has(Number(u.value)))} />
      </div>
    </section>
  );
}

function EditGroup({ group, users }: { group: GroupView; users: Option[] | null }) {
  const { result, pending, fieldError: err, formProps } = useActionForm(updateGroupAction);
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="id" value={group.id} />
      <input type="hidden" name="version" value={group.version} />
      <TextField
        id={`group-${group.id}-name`}
        label="Name"
        name="name"
        defaultValue={group.name}
        required
        error={err("name")}
        className="min-w-56 flex-1"
      />
      <PersonField
        id={`group-${group.id}-manager`}
        label="Manager"
        name="managerId"
        users={users}
        value={group.manager}
        blank="— None —"
        error={err("managerId")}
      />
      <SubmitButton pending={pending} variant="secondary" pendingText="Saving…">
        Save
      </SubmitButton>
      <div className="basis-full">
        <FormNotice result={result} shown={["name", "managerId"]} />
      </div>
    </form>
  );
}

function AddMember({ groupId, users }: { groupId: number; users: Option[] | null }) {
  // A new picker after each member added: the typeahead would keep the person just added.
  const [added, setAdded] = useState(0);
  const queries = useQueryClient();
  const {
    result,
    pending,
    fieldError: err,
    formProps,
  } = useActionForm(addGroupMemberAction, () => {
    setAdded((n) => n + 1);
    forgetPeopleSearches(queries);
  });
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="id" value={groupId} />
      <PersonField
        key={added}
        id={`group-${groupId}-add`}
        label="Add member"
        name="userId"
        users={users}
        notMemberOf={groupId}
        blank="— Choose a person —"
        error={err("userId")}
      />
      <SubmitButton pending={pending} variant="secondary" pendingText="Adding…">
        Add
      </SubmitButton>
      <FormNotice result={result} shown={["userId"]} />
    </form>
  );
}

function MemberButton({ groupId, userId, name }: { groupId: number; userId: number; name: string }) {
  const queries = useQueryClient();
  const { result, pending, formProps } = useActionForm(removeGroupMemberAction, () =>
    forgetPeopleSearches(queries),
  );
  return (
    <form {...formProps} className="flex items-center gap-2">
      <input type="hidden" name="id" value={groupId} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton pending={pending} variant="ghost" pendingText="Removing…">
        Remove<span className="sr-only"> {name}</span>
      </SubmitButton>
      {result && !result.ok && (
        <span role="alert" className="text-xs text-red-700">
          {result.message}
        </span>
      )}
    </form>
  );
}

/** The typeahead's searches of people answered before a member joined or left (Add member leaves members out). */
const forgetPeopleSearches = (queries: QueryClient) =>
  void queries.invalidateQueries({ queryKey: ["lookup", "users"] });
