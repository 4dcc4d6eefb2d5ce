// SET-3: a record the file updates that someone else changed while the import ran (after its plan
// read it) refuses the import — nothing written — naming the file's row, not "this record".
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db";
import { makeAccount, makeAgent } from "@/lib/testing/fixtures";
import { writeAccounts } from "./write";

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
});
