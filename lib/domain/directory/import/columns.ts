// SET-3: what each kind of import file holds. A header names its columns; any of a column's aliases
// works, in any letter case, with spaces, hyphens or underscores ("Email address", "email_address").
import { list } from "../../records/choices";

export type ImportKind = "accounts" | "contacts" | "consumers" | "assets";

export const IMPORT_KINDS = list<ImportKind>([
  ["accounts", "Accounts"],
  ["contacts", "Contacts"],
  ["consumers", "Consumers"],
  ["assets", "Assets"],
]);

/** One column: the key a row's value is read into, its label in messages, its header aliases. */
export type Column = { key: string; label: string; aliases: string[]; required?: boolean; help: string };

const col = (key: string, label: string, aliases: string[], help: string, required = false): Column => ({
  key,
  label,
  aliases: [key, ...aliases],
  required,
  help,
});

const ACTIVE = col(
  "active",
  "Active",
  ["status", "enabled"],
  "true or false (empty: unchanged; new ones active)",
);
const PHONE = col(
  "phone",
  "Phone",
  ["telephone", "phonenumber", "tel", "mobile"],
  "digits, spaces and + ( ) - . /",
);

const ROLES_HELP =
  "customer, customer_admin, partner, partner_admin, separated by ; or , " +
  "(empty: unchanged; new ones get the account's default)";

export const COLUMNS: Record<ImportKind, Column[]> = {
  accounts: [
    col(
      "number",
      "Number",
      ["accountnumber", "acc"],
      "ACC… of an existing account to update; empty: matched by name",
    ),
    col("name", "Name", ["accountname", "company", "companyname"], "the account's name", true),
    col("customer", "Customer", ["iscustomer"], "true or false (new accounts: true)"),
    col("partner", "Partner", ["ispartner"], "true or false (new accounts: false)"),
    ACTIVE,
  ],
  contacts: [
    col("email", "Email", ["emailaddress", "mail"], "matches an existing contact", true),
    col("name", "Name", ["fullname", "contactname", "contact"], "the person's name", true),
    PHONE,
    col(
      "account",
      "Account",
      ["accountnumber", "accountname", "company"],
      "the account's number or name",
      true,
    ),
    col("roles", "Portal roles", ["portalroles", "role"], ROLES_HELP),
    ACTIVE,
  ],
  consumers: [
    col("email", "Email", ["emailaddress", "mail"], "matches an existing consumer", true),
    col("name", "Name", ["fullname", "consumername"], "the person's name", true),
    PHONE,
    ACTIVE,
  ],
  assets: [
    col(
      "number",
      "Number",
      ["assetnumber", "ast"],
      "AST… of an asset to update; empty: matched by serial number",
    ),
    col("name", "Name", ["assetname"], "the asset's name", true),
    col(
      "serialNumber",
      "Serial number",
      ["serial", "serialno", "sn"],
      "matches an asset of the same account",
    ),
    col(
      "account",
      "Account",
      ["accountnumber", "accountname", "company"],
      "the account's number or name",
      true,
    ),
  ],
};

/** "Email address" → "emailaddress": how headers are compared. */
export const headerKey = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

export type HeaderMap = {
  /** Column key → index in the row. */
  index: Record<string, number>;
  /** Header cells that name no column: left out of the import, and said so. */
  ignored: string[];
  /** What is wrong with the header as a whole (a required column missing, one named twice). */
  problems: string[];
};

/** Each kind's columns by the key of each of their names: one lookup per header cell. */
const keyed = new Map<ImportKind, Map<string, Column>>();
function columnsByKey(kind: ImportKind) {
  let map = keyed.get(kind);
  if (!map) {
    map = new Map();
    for (const c of COLUMNS[kind])
      for (const a of c.aliases) if (!map.has(headerKey(a))) map.set(headerKey(a), c);
    keyed.set(kind, map);
  }
  return map;
}

/** SET-3: which cell holds which column, from the header row. */
export function mapHeader(kind: ImportKind, header: string[]): HeaderMap {
  const index: Record<string, number> = {};
  const ignored: string[] = [];
  const problems: string[] = [];
  const byKey = columnsByKey(kind);
  header.forEach((cell, i) => {
    const found = byKey.get(headerKey(cell));
    if (!found) return void (cell.trim() && ignored.push(cell.trim()));
    if (found.key in index) problems.push(`Column ${found.label} appears twice in the header (row 1).`);
    else index[found.key] = i;
  });
  for (const c of COLUMNS[kind])
    if (c.required && !(c.key in index))
      problems.push(`The header (row 1) has no ${c.label} column; it is required for ${kind}.`);
  return { index, ignored, problems };
}
