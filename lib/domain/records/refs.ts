// The kinds of record a reference field points at (REC-5's history, the case page): the table each
// lives in and what names it to a reader — people, accounts, assets, groups and templates by name, numbered
// records by number. One list: the audit's field map (lib/domain/audit/labels.ts), the case page's
// one-statement read (lib/server/cases/page-read.ts), the reference reader
// (lib/server/tables/record-refs.ts) and the history's wording (lib/server/audit/describe.ts).
export const REF_KINDS = {
  user: { table: "User", text: "name" },
  account: { table: "Account", text: "name" },
  asset: { table: "Asset", text: "name" },
  group: { table: "Group", text: "name" },
  template: { table: "StandardChangeTemplate", text: "name" },
  incident: { table: "Incident", text: "number" },
  problem: { table: "Problem", text: "number" },
  change: { table: "ChangeRequest", text: "number" },
  case: { table: "Case", text: "number" },
} as const satisfies Record<string, { table: string; text: "name" | "number" }>;

export type RefKind = keyof typeof REF_KINDS;
