// API-1: ServiceNow's encoded query (`sysparm_query`) read into plain data — conditions and
// ordering. What a field means and which values it takes is the compiler's business
// (compile-query.ts); this file only reads the syntax, and refuses what it cannot read (REL-1).
import { invalid } from "@/lib/domain/errors";
import { refuseControlCharacters } from "@/lib/domain/validation";

/** Longest first, so `NOT LIKE` wins over nothing and `<=` over `<`. */
export const OPERATORS = [
  "ISNOTEMPTY",
  "STARTSWITH",
  "NOT LIKE",
  "ENDSWITH",
  "ISEMPTY",
  "NOT IN",
  "LIKE",
  "!=",
  "<=",
  ">=",
  "IN",
  "=",
  "<",
  ">",
] as const;
export type Operator = (typeof OPERATORS)[number];

export type Condition = { field: string; op: Operator; value: string };
/** `where` is an AND of OR-groups: `a=1^b=2^ORc=3` is a=1 AND (b=2 OR c=3). */
export type EncodedQuery = { where: Condition[][]; orderBy: { field: string; desc: boolean }[] };

export const MAX_QUERY_LENGTH = 4000;
export const MAX_CONDITIONS = 100;
/** Operators that take no value. */
export const VALUELESS: readonly Operator[] = ["ISEMPTY", "ISNOTEMPTY"];

const FIELD = /^[a-z_][a-z0-9_.]*/;
const SUPPORTED =
  "=, !=, LIKE, NOT LIKE, STARTSWITH, ENDSWITH, IN, NOT IN, ISEMPTY, ISNOTEMPTY, <, >, <=, >=";

const refuse = (message: string) => invalid("sysparm_query", message);

/** The segments between single carets; `^^` is a literal caret inside a segment. */
export function splitSegments(q: string): string[] {
  const segments: string[] = [];
  let current = "";
  for (let i = 0; i < q.length; i++) {
    if (q[i] !== "^") current += q[i];
    else if (q[i + 1] === "^") {
      current += "^";
      i++;
    } else {
      segments.push(current);
      current = "";
    }
  }
  segments.push(current);
  return segments;
}

/** What stands where an operator should: an upper-case word (`BETWEEN`) or a symbol (`~`). */
function foundOperator(rest: string): string {
  return /^[A-Z]+/.exec(rest)?.[0] ?? /^[^\w\s]{1,2}/.exec(rest)?.[0] ?? rest.slice(0, 12);
}

/** One `field<op>value` segment. */
export function parseCondition(segment: string): Condition {
  const field = FIELD.exec(segment)?.[0];
  if (!field) {
    throw refuse(`Expected a field name at "${segment.slice(0, 40)}" in sysparm_query.`);
  }
  const rest = segment.slice(field.length);
  if (!rest) throw refuse(`Condition "${field}" in sysparm_query has no operator.`);
  const op = OPERATORS.find((o) => rest.startsWith(o));
  if (!op) {
    throw refuse(
      `Operator "${foundOperator(rest)}" is not supported for field "${field}" in sysparm_query ` +
        `(supported: ${SUPPORTED}).`,
    );
  }
  const value = rest.slice(op.length);
  if (VALUELESS.includes(op) && value) {
    throw refuse(`Operator "${op}" takes no value in sysparm_query (field "${field}", found "${value}").`);
  }
  return { field, op, value };
}

/** REL-1: an encoded query read into conditions and ordering, or a 400 naming what is wrong. */
export function parseEncodedQuery(q: string): EncodedQuery {
  if (q.length > MAX_QUERY_LENGTH) {
    throw refuse(`sysparm_query is too long (${q.length} characters; at most ${MAX_QUERY_LENGTH}).`);
  }
  // REL-1 / REL-8: no stored value holds one, and PostgreSQL refuses U+0000 with an error (a 500).
  refuseControlCharacters(q, "sysparm_query", "sysparm_query");
  const where: Condition[][] = [];
  const orderBy: EncodedQuery["orderBy"] = [];
  let count = 0;
  for (const segment of splitSegments(q)) {
    if (segment === "" || segment === "EQ") continue;
    if (segment.startsWith("ORDERBYDESC")) {
      orderBy.push({ field: orderField(segment.slice(11)), desc: true });
    } else if (segment.startsWith("ORDERBY")) {
      orderBy.push({ field: orderField(segment.slice(7)), desc: false });
    } else if (segment.startsWith("NQ")) {
      throw refuse("New queries (^NQ) are not supported in sysparm_query; send one query per request.");
    } else {
      if (++count > MAX_CONDITIONS) {
        throw refuse(`sysparm_query has more than ${MAX_CONDITIONS} conditions.`);
      }
      if (segment.startsWith("OR")) {
        const last = where.at(-1);
        if (!last) throw refuse(`sysparm_query cannot start with ^OR ("${segment.slice(0, 40)}").`);
        last.push(parseCondition(segment.slice(2)));
      } else where.push([parseCondition(segment)]);
    }
  }
  return { where, orderBy };
}

function orderField(text: string): string {
  const field = FIELD.exec(text)?.[0];
  if (!field || field !== text) {
    throw refuse(`ORDERBY in sysparm_query needs a field name, found "${text.slice(0, 40)}".`);
  }
  return field;
}
