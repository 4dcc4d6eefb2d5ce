// API-1, API-3, REL-1: an encoded query compiled against one table's description into a
// Prisma-shaped `where` and `orderBy` — plain data, never SQL text. ServiceNow field names become
// columns, values become what the column stores, and anything the table does not answer (an
// unknown or computed field, an operator the field's kind cannot take, a bad value) is a 400
// naming it.
import { invalid } from "@/lib/domain/errors";
import { escapeLike } from "../like";
import type { Condition, EncodedQuery, Operator } from "./encoded-query";
import { isNumericChoice, NO_RECORD, queryValue, type QueryValue } from "./query-values";
import { recordOfSysId } from "./sys-id";
import { fieldOf, type ApiField, type ApiTable } from "./table";

export type CompiledQuery = {
  /** `{ AND: [{ OR: [...] }, ...] }`, or `{}` when the query has no condition. */
  where: Record<string, unknown>;
  orderBy: Record<string, "asc" | "desc">[];
};
type Where = Record<string, unknown>;

const refuse = (message: string) => invalid("sysparm_query", message);

const TEXT: Partial<Record<Operator, string>> = {
  LIKE: "contains",
  "NOT LIKE": "contains",
  STARTSWITH: "startsWith",
  ENDSWITH: "endsWith",
};
const COMPARE: Partial<Record<Operator, string>> = { "<": "lt", ">": "gt", "<=": "lte", ">=": "gte" };

/** API-3: a field the table answers and stores — unknown or computed ones are a 400 naming them. */
export function queryField(table: ApiTable, name: string): ApiField {
  const field = fieldOf(table, name);
  if (!field) throw refuse(`Unknown field "${name}" in sysparm_query for table ${table.name}.`);
  if (field.computed) {
    throw refuse(
      `Field "${name}" of table ${table.name} is computed: it cannot be filtered or sorted in sysparm_query.`,
    );
  }
  return field;
}

const refuseOperator = (c: Condition, field: ApiField, what: string) =>
  refuse(
    `Operator "${c.op}" cannot be used on field "${c.field}" (${field.kind}) in sysparm_query: ${what}.`,
  );

/**
 * `required`: the columns declared NOT NULL. Prisma refuses a `null` filter on them ("Argument `x`
 * must not be null", a 500), so their emptiness is decided here: text is empty when "", anything
 * else never. Checked against Prisma: `in: []` is no row, `notIn: []` every row, also inside an
 * OR (an empty `AND: []` inside an OR is no row, so it is not used); booleans have neither.
 */
export type QueryOptions = { insensitive: boolean; required?: ReadonlySet<string> };

const notNull = (field: ApiField, opts: QueryOptions) =>
  field.kind === "sys_id" || (opts.required?.has(field.column) ?? false);

/** Text stored blank as "": a string, or a choice list whose blank choice is "" (a case's major_case_state). */
const blankIsText = (field: ApiField) =>
  field.kind === "string" || (field.kind === "choice" && (field.choices ?? []).some((c) => c.value === ""));

/** Rows whose column holds something. */
function present(field: ApiField, opts: QueryOptions): Where {
  const col = field.column;
  if (!notNull(field, opts)) {
    return blankIsText(field)
      ? { AND: [{ [col]: { not: null } }, { [col]: { not: "" } }] }
      : { [col]: { not: null } };
  }
  if (blankIsText(field)) return { [col]: { not: "" } };
  return field.kind === "boolean" ? { OR: [{ [col]: true }, { [col]: false }] } : { [col]: { notIn: [] } };
}

/** Rows whose column is empty. */
function empty(field: ApiField, opts: QueryOptions): Where {
  const col = field.column;
  if (!notNull(field, opts))
    return blankIsText(field) ? { OR: [{ [col]: null }, { [col]: "" }] } : { [col]: null };
  if (blankIsText(field)) return { [col]: "" };
  // Never `{ OR: [] }` for "nothing": Prisma drops an empty OR nested in AND, and it matched every row.
  return field.kind === "boolean" ? { AND: [{ [col]: true }, { [col]: false }] } : { [col]: { in: [] } };
}

function textCondition(c: Condition, field: ApiField, insensitive: boolean): Where {
  if (field.kind !== "string") throw refuseOperator(c, field, "it applies to text fields only");
  // API-1: the value is text, so `%` and `_` match themselves (Prisma does not escape them).
  const filter = { [TEXT[c.op]!]: escapeLike(c.value), ...(insensitive ? { mode: "insensitive" } : {}) };
  return c.op === "NOT LIKE" ? { NOT: { [field.column]: filter } } : { [field.column]: filter };
}

function listCondition(table: ApiTable, c: Condition, field: ApiField, opts: QueryOptions): Where {
  if (field.kind === "boolean") throw refuseOperator(c, field, "use = or != on true/false fields");
  const values = c.value
    .split(",")
    .map((raw) => queryValue(table, c.field, field, raw))
    .filter((v): v is Exclude<QueryValue, typeof NO_RECORD> => v !== NO_RECORD);
  if (c.op === "IN") return { [field.column]: { in: values } };
  return values.length ? { [field.column]: { notIn: values } } : present(field, opts);
}

function compareCondition(table: ApiTable, c: Condition, field: ApiField): Where {
  if (field.kind !== "integer" && field.kind !== "datetime" && !isNumericChoice(field)) {
    throw refuseOperator(c, field, "it applies to numbers, dates and numeric choices only");
  }
  return { [field.column]: { [COMPARE[c.op]!]: queryValue(table, c.field, field, c.value) } };
}

/**
 * The journal's element_id: a sys_id of any table's record names the (table, id) pair; only `=`,
 * `!=` and `IN` make sense for it. An unknown sys_id matches nothing.
 */
function documentCondition(c: Condition, field: ApiField): Where {
  const pairs = (c.op === "IN" ? c.value.split(",") : [c.value])
    .map((v) => recordOfSysId(v.trim()))
    .filter((r): r is NonNullable<typeof r> => r !== null)
    .map((r) => ({ table: r.table, [field.column]: r.id }));
  // No known record: "=" and IN match nothing, "!=" everything (never an empty OR: see `empty`).
  const none = { id: { in: [] } };
  if (c.op === "=" || c.op === "IN") return pairs.length ? { OR: pairs } : none;
  if (c.op === "!=") return pairs.length ? { NOT: { OR: pairs } } : {};
  throw invalid(
    "sysparm_query",
    `Field "${c.field}" in sysparm_query takes =, != or IN (a record's sys_id).`,
  );
}

/** One condition as a Prisma where clause. */
export function compileCondition(table: ApiTable, c: Condition, opts: QueryOptions): Where {
  const field = queryField(table, c.field);
  if (field.kind === "document_id") return documentCondition(c, field);
  switch (c.op) {
    case "ISEMPTY":
      return empty(field, opts);
    case "ISNOTEMPTY":
      return present(field, opts);
    case "LIKE":
    case "NOT LIKE":
    case "STARTSWITH":
    case "ENDSWITH":
      return textCondition(c, field, opts.insensitive);
    case "IN":
    case "NOT IN":
      return listCondition(table, c, field, opts);
    case "<":
    case ">":
    case "<=":
    case ">=":
      return compareCondition(table, c, field);
    case "=":
    case "!=": {
      const v = queryValue(table, c.field, field, c.value);
      if (v === NO_RECORD) return c.op === "=" ? { [field.column]: { in: [] } } : present(field, opts);
      return { [field.column]: c.op === "=" ? v : { not: v } };
    }
  }
}

/**
 * API-1: the query's conditions (an AND of OR-groups) and ordering — ORDERBY fields first, then the
 * table's default order for the columns not already sorted on (it ends on a unique column).
 * `insensitive`: text matching ignores case (PostgreSQL; SQLite's LIKE already does for ASCII).
 * `required`: the model's NOT NULL columns (the caller reads them from the Prisma model).
 */
export function compileQuery(table: ApiTable, q: EncodedQuery, opts: QueryOptions): CompiledQuery {
  const where = q.where.length
    ? {
        AND: q.where.map((group) => ({ OR: group.map((c) => compileCondition(table, c, opts)) })),
      }
    : {};
  const orderBy: CompiledQuery["orderBy"] = [];
  const sorted = new Set<string>();
  const add = (column: string, desc: boolean) => {
    if (sorted.has(column)) return;
    sorted.add(column);
    orderBy.push({ [column]: desc ? "desc" : "asc" });
  };
  for (const o of q.orderBy) add(queryField(table, o.field).column, o.desc);
  for (const o of table.defaultOrder) add(o.column, o.desc);
  return { where, orderBy };
}
