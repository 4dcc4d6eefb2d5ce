import "server-only";
import { accountNameKey } from "@/lib/domain/directory/names";
import { IN_LIST_MAX, inGroups } from "@/lib/server/tables/sql";
import type { LockAccounts, Reader } from "./types";

type Account = {
  id: number;
  number: string;
  name: string;
  nameKey: string;
  active: boolean;
  isPartner: boolean;
  isCustomer: boolean;
};

const accountSelect = {
  id: true,
  number: true,
  name: true,
  nameKey: true,
  active: true,
  isPartner: true,
  isCustomer: true,
} as const;

/** The accounts the Account cells name — by number (ACC…) or by name; locked first when `lock` is given. */
export async function accountsNamed(client: Reader, refs: string[], lock?: LockAccounts) {
  const numbers = refs.filter((r) => /^ACC\d+$/i.test(r)).map((r) => r.toUpperCase());
  const keys = refs.map(accountNameKey);
  const found: Account[] = [];
  await inGroups(numbers, IN_LIST_MAX, async (g) => {
    found.push(...(await client.account.findMany({ where: { number: { in: g } }, select: accountSelect })));
  });
  await inGroups(keys, IN_LIST_MAX, async (g) => {
    found.push(...(await client.account.findMany({ where: { nameKey: { in: g } }, select: accountSelect })));
  });
  if (lock && found.length) {
    const ids = [...new Set(found.map((a) => a.id))];
    await lock(ids);
    // Read again under the lock: what a transaction committed before it took the lock.
    found.length = 0;
    await inGroups(ids, IN_LIST_MAX, async (g) => {
      found.push(...(await client.account.findMany({ where: { id: { in: g } }, select: accountSelect })));
    });
  }
  const byNumber = new Map(found.map((a) => [a.number, a]));
  const byKey = new Map(found.map((a) => [a.nameKey, a]));
  return (ref: string) => byNumber.get(ref.toUpperCase()) ?? byKey.get(accountNameKey(ref));
}
