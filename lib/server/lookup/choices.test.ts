import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { SELECT_LIMIT } from "@/lib/domain/pickers/select-limit";
import { getCaseView } from "@/lib/server/cases/view";
import { makeAccount, makeAgent, makeCase, makeUser, unique } from "@/lib/testing/fixtures";
import { accountChoice, assigneeChoice, contactOptions, forgetUserOptions, optionsNaming } from "./choices";
import { lookup } from "./search";

describe("the case list's Account filter names its account (WRK-4)", () => {
  it("WRK-4: names the account a list is filtered by, deactivated ones too; no id or an unknown one names none", async () => {
    const open = await makeAccount();
    const closed = await makeAccount();
    await db().account.update({ where: { id: closed.id }, data: { active: false } });
    expect(await accountChoice(open.id)).toEqual({ value: open.id, label: open.name });
    // An old link to a deactivated account still says what it filters by.
    expect(await accountChoice(closed.id)).toEqual({ value: closed.id, label: closed.name });
    expect(await accountChoice(undefined)).toBeNull();
  });

  it("WRK-4: an id that names no account is not kept: the account made with it later is named at once", async () => {
    const { _max } = await db().account.aggregate({ _max: { id: true } });
    const id = (_max.id ?? 0) + 1_000;
    expect(await accountChoice(id)).toBeNull();
    const name = unique("Later ");
    await db().account.create({ data: { id, number: `ACCL${id}`, name, nameKey: name.toLowerCase() } });
    expect(await accountChoice(id)).toEqual({ value: id, label: name });
  });
});

describe("the case list's Assigned to filter names its person (WRK-4)", () => {
  it("WRK-4: names the internal user a list is filtered by, deactivated ones too; a customer, no id or an unknown one names none", async () => {
    const agent = await makeAgent();
    const gone = await makeAgent();
    await db().user.update({ where: { id: gone.id }, data: { active: false } });
    const { id: contactId } = await makeUser([ROLE.customer], { kind: "contact" });
    expect(await assigneeChoice(agent.id)).toEqual({ value: agent.id, label: agent.name });
    expect(await assigneeChoice(gone.id)).toEqual({ value: gone.id, label: gone.name });
    // A contact is never an assignee: a hand-made link with a contact's id names nobody.
    expect(await assigneeChoice(contactId)).toBeNull();
    expect(await assigneeChoice(undefined)).toBeNull();
    const { _max } = await db().user.aggregate({ _max: { id: true } });
    expect(await assigneeChoice((_max.id ?? 0) + 1_000)).toBeNull();
  });
});

describe("a filter's record, named from its options or read (WRK-4)", () => {
  const options = Promise.resolve([{ value: 1, label: "From the options" }]);
  const read = (id: number | undefined) => Promise.resolve(id === 2 ? { value: 2, label: "Read" } : null);

  it("WRK-4: the options name their own; others are read; an id naming nothing is named as unknown", async () => {
    expect(await optionsNaming(options, 1, read, "Unknown")).toEqual([
      await options,
      { value: 1, label: "From the options" },
    ]);
    expect((await optionsNaming(options, 2, read, "Unknown"))[1]).toEqual({ value: 2, label: "Read" });
    // The filter then says what the list is filtered by, not its "any" choice over an empty list.
    expect((await optionsNaming(options, 3, read, "Unknown"))[1]).toEqual({ value: 3, label: "Unknown" });
    expect((await optionsNaming(Promise.resolve(null), 3, read, "Unknown"))[1]).toEqual({
      value: 3,
      label: "Unknown",
    });
    expect((await optionsNaming(options, undefined, read, "Unknown"))[1]).toBeNull();
  });
});

describe("an account's contacts and assets: a select, or a typeahead past the limit (SET-3)", () => {
  it("SET-2 / SET-3: 200 contacts are a select; with 201 the options are null (typeahead), on the case page too", async () => {
    const agent = await makeAgent();
    const account = await makeAccount();
    const add = (n: number, from: number) =>
      db().user.createMany({
        data: Array.from({ length: n }, (_, i) => ({
          email: `${unique("many")}-${from + i}@test.example`,
          name: `Many ${String(from + i).padStart(3, "0")}`,
          kind: "contact",
          accountId: account.id,
        })),
      });
    await add(SELECT_LIMIT, 0);
    forgetUserOptions();
    expect(await contactOptions(account.id)).toHaveLength(SELECT_LIMIT);
    const c = await makeCase(agent, { accountId: String(account.id) });
    expect((await getCaseView(agent, c.number)).options.contacts).toHaveLength(SELECT_LIMIT);
    await add(1, SELECT_LIMIT);
    forgetUserOptions();
    expect(await contactOptions(account.id)).toBeNull();
    expect((await getCaseView(agent, c.number)).options.contacts).toBeNull();
    // The lookup behind the typeahead finds the 201st, by the account.
    const params = new URLSearchParams({ account: String(account.id), q: `Many ${SELECT_LIMIT}` });
    const found = await lookup(agent, "contacts", params);
    expect(found.map((o) => o.label)).toEqual([`Many ${SELECT_LIMIT}`]);
  });
});
