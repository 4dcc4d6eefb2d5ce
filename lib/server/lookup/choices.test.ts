import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAccount } from "@/lib/testing/fixtures";
import { accountChoice } from "./choices";

describe("the case list's Account typeahead (WRK-4)", () => {
  it("WRK-4: names the account a list is filtered by, deactivated ones too; no id or an unknown one names none", async () => {
    const open = await makeAccount();
    const closed = await makeAccount();
    await db().account.update({ where: { id: closed.id }, data: { active: false } });
    expect(await accountChoice(open.id)).toEqual({ value: open.id, label: open.name });
    // An old link to a deactivated account still says what it filters by.
    expect(await accountChoice(closed.id)).toEqual({ value: closed.id, label: closed.name });
    expect(await accountChoice(undefined)).toBeNull();
    expect(await accountChoice(2_000_000_000)).toBeNull();
  });
});
