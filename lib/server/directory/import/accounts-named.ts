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

/**
 * Accounts by number and by name key, a few statements whatever their count — locked first when
 * `lock` is given (Import) and read again under the lock: what a transaction committed before it took
 * the lock (a deactivation, a partner relationship) is what the plan sees.
 */
export async function findAccounts<T extends { id: number }>(
  client: Reader,
  by: { numbers: readonly string[]; keys: readonly string[] },
  select: Record<keyof T, true>,
  lock?: LockAccounts,
): Promise<T[]> {
  const read = async (where: object) => (await client.account.findMany({ where, select })) as unknown as T[];
  let found: T[] = [];
  await inGroups(
    [...by.numbers],
    IN_LIST_MAX,
    async (g) => void found.push(...(await read({ number: { in: g } }))),
  );
  await inGroups(
    [...by.keys],
    IN_LIST_MAX,
    async (g) => void found.push(...(await read({ nameKey: { in: g } }))),
  );
  if (lock && found.length) {
    const ids = [...new Set(found.map((a) => a.id))];
    await lock(ids);
    found = [];
    await inGroups(ids, IN_LIST_MAX, async (g) => void found.push(...(await read({ id: { in: g } }))));
  }
  return found;
}

/** The accounts the Account cells name — by number (ACC…) or by name; locked first when `lock` is given. */
export async function accountsNamed(client: Reader, refs: string[], lock?: LockAccounts) {
  const numbers = refs.filter((r) => /^ACC\d+$/i.test(r)).map((r) => r.toUpperCase());
  const found = await findAccounts<Account>(
    client,
    { numbers, keys: refs.map(accountNameKey) },
    accountSelect,
    lock,
  );
  const byNumber = new Map(found.map((a) => [a.number, a]));
  const byKey = new Map(found.map((a) => [a.nameKey, a]));
  return (ref: string) => byNumber.get(ref.toUpperCase()) ?? byKey.get(accountNameKey(ref));
}
