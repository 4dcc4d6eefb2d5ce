// A fixture for the WRK tests: an assignment group with members, made by an admin.
import { addGroupMember, createGroup } from "@/lib/server/assignment/write";
import { makeAdmin, unique } from "./fixtures";

export async function makeGroup(...members: { id: number }[]) {
  const admin = await makeAdmin();
  const group = await createGroup(admin, { name: unique("Group ") });
  for (const m of members) await addGroupMember(admin, group.id, { userId: m.id });
  return { admin, group };
}
