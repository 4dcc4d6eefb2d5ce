import "server-only";
// "Asset": an account's install base item (SET-2).
import type { Tx } from "@/lib/db";
import { assetSerialKey } from "@/lib/domain/directory/names";

/**
 * The number of another asset of the account whose serial number is `serial` in any letter case
 * and spacing at its ends (SET-2 / SET-3: as the import matches serials), or undefined.
 */
export async function assetWithSerial(
  tx: Tx,
  accountId: number,
  serial: string,
  exceptId: number,
): Promise<string | undefined> {
  const [taken] = await tx.$queryRaw<{ number: string }[]>`
    SELECT "number" FROM "Asset"
    WHERE "accountId" = ${accountId} AND UPPER(TRIM("serialNumber")) = ${assetSerialKey(serial)}
      AND "id" <> ${exceptId}
    LIMIT 1`;
  return taken?.number;
}
