// SET-2, SET-3: an account's name as it is matched — by an import row naming the account, and for the
// rule that two accounts never share a name. Trimmed, runs of white space as one space, NFKC (full-width
// letters as plain ones), lower case: "ACME  Corporation" and "Acme Corporation" are one name.
import { nameKey } from "../name-key";
export const accountNameKey = nameKey;

/**
 * SET-2 / SET-3: a serial number as matched within its account — "sn-mx01" is the asset labelled
 * "SN-MX01" (makers print either case): by the import, and by the check that keeps it unique.
 */
export const assetSerialKey = (serial: string) => serial.trim().toUpperCase();

/** SET-2: the stored match key of a serial number (`Asset.serialKey`, unique per account); none without one. */
export const serialKeyOf = (serial: string | null) => (serial && assetSerialKey(serial)) || null;
