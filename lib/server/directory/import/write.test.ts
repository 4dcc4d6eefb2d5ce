// SET-3: a record the file updates that someone else changed while the import ran (after its plan
// read it) refuses the import — nothing written — naming the file's row, not "this record".
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { makeAccount, makeAgent, makeUser } from "@/lib/testing/fixtures";
import { writeAccounts, writePeople } from "./write";

type Person = Awaited<ReturnType<typeof makeUser>>;
const rolesOf = async (id: number) =>
  (await db().userRole.findMany({ where: { userId: id } })).map((r) => r.role).sort();
/** A planned update of a contact: a new phone and the given roles (as plan-people.ts writes it). */
const change = (row: number, p: Person, version: number, phone: string, roles: string[]) => ({
  row,
  kind: "update" as const,
  id: p.id,
  version,
  changes: [
    { field: "phone", oldValue: null, newValue: phone },
    { field: "roles", oldValue: "customer, snc_external", newValue: roles.join(", ") },
  ],
  data: { name: p.name, phone, accountId: p.accountId, active: true, roles: roles.join(", ") },
});

describe("an import racing a change of a record it updates (SET-3)", () => {
  it("SET-3: the refusal names the row whose record was changed meanwhile, and nothing is written", async () => {
    const agent = await makeAgent();
    const account = await makeAccount();
    const planned = { row: 812, kind: "update" as const, id: account.id, version: account.version };
    // Someone renames the account after the plan read it.
    await db().account.update({
      where: { id: account.id },
      data: { name: "Renamed", version: { increment: 1 } },
    });
    await expect(
      transaction((tx) =>
        writeAccounts(
          tx,
          [
            {
              ...planned,
              changes: [{ field: "isPartner", oldValue: "false", newValue: "true" }],
              data: { isPartner: true },
            },
          ],
          agent,
          () => {},
        ),
      ),
    ).rejects.toMatchObject({
      field: "file",
      message: expect.stringMatching(/^Row 812: this account was changed/),
    });
    expect((await db().account.findUniqueOrThrow({ where: { id: account.id } })).isPartner).toBe(false);
  });

  it("SET-3: changed people are written together — fields, roles added and removed, audit — each from its version", async () => {
    const agent = await makeAgent();
    const account = await makeAccount();
    const [a, b] = await Promise.all(
      [1, 2].map(() => makeUser([ROLE.customer, ROLE.external], { kind: "contact", accountId: account.id })),
    );
    const before = new Date();
    await transaction((tx) =>
      writePeople(
        tx,
        [
          change(2, a, 1, "+1 555 0001", [ROLE.customerAdmin, ROLE.external]),
          change(3, b, 1, "+1 555 0002", [ROLE.customer, ROLE.external]),
        ],
        agent,
        () => {},
      ),
    );
    const [ra, rb] = await Promise.all(
      [a, b].map((p) => db().user.findUniqueOrThrow({ where: { id: p.id } })),
    );
    expect([ra.phone, ra.version, rb.phone, rb.version]).toEqual(["+1 555 0001", 2, "+1 555 0002", 2]);
    expect(ra.updatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
    expect(await rolesOf(a.id)).toEqual([ROLE.customerAdmin, ROLE.external].sort());
    expect(await rolesOf(b.id)).toEqual([ROLE.customer, ROLE.external].sort());
    const audit = await db().auditEntry.findMany({
      where: { table: "sys_user", recordId: { in: [a.id, b.id] }, field: { in: ["phone", "roles"] } },
    });
    expect(audit).toHaveLength(4);
  });

  it("SET-3: a person changed meanwhile refuses the import naming the row; no one's fields or roles are written", async () => {
    const agent = await makeAgent();
    const account = await makeAccount();
    const [a, b] = await Promise.all(
      [1, 2].map(() => makeUser([ROLE.customer, ROLE.external], { kind: "contact", accountId: account.id })),
    );
    await db().user.update({ where: { id: b.id }, data: { name: "Renamed", version: { increment: 1 } } });
    await expect(
      transaction((tx) =>
        writePeople(
          tx,
          [
            change(2, a, 1, "+1 555 0001", [ROLE.customerAdmin, ROLE.external]),
            change(7, b, 1, "+1 555 0002", [ROLE.customerAdmin, ROLE.external]),
          ],
          agent,
          () => {},
        ),
      ),
    ).rejects.toMatchObject({
      field: "file",
      message: expect.stringMatching(/^Row 7: this user was changed/),
    });
    const ra = await db().user.findUniqueOrThrow({ where: { id: a.id } });
    expect([ra.phone, ra.version]).toEqual([null, 1]);
    expect(await rolesOf(a.id)).toEqual([ROLE.customer, ROLE.external].sort());
  });
});
