// REL-1: server action POSTs that Next.js itself would answer with a 500 are refused before
// they reach it, with a 4xx and a plain-text reason (the client shows text/plain messages).
// Next 16.4.6 (next/dist/server/app-render/action-handler.js) answers 500 for a fetch action
// whose body exceeds serverActions.bodySizeLimit (its 413 ApiError is caught and rethrown as a
// server error), whose body React cannot decode (not JSON; references to parts that are not
// there: "$Q1", "$h1", "$B1", "$i1"; "$n" BigInts that do not parse; deep nesting; more than
// 1,000 arguments), or whose Origin does not match the host. Unknown action ids and url-encoded
// bodies it already answers with 404/409/400.
import { ACTION_BODY_LIMIT_BYTES, FORM_TOO_LARGE_MESSAGE } from "@/lib/domain/request-limits";
import { loneSurrogateAt } from "@/lib/domain/unicode";

const UNREADABLE = "The form could not be read. Reload the page and try again; nothing was saved.";
const NOT_TEXT =
  "The form holds text that is not valid Unicode (a lone UTF-16 surrogate). Reload the page and try again; " +
  "nothing was saved.";

const text = (status: number, message: string) =>
  // Exactly "text/plain": Next's client shows the body of a text/plain error as the message.
  new Response(message, { status, headers: { "content-type": "text/plain" } });

/** The host Next compares the Origin with: X-Forwarded-Host's first value, else Host. */
function requestHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

export function crossOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin) return false; // handcrafted requests carry no one's cookies but their sender's
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== requestHost(headers);
  } catch {
    return true;
  }
}

/**
 * The markers of React's reply format that Caseflow's forms send: an escaped "$", FormData
 * ("$K1"), undefined, ±Infinity, -0, NaN and dates. No action takes a Map, Set, Blob, BigInt,
 * promise, iterator or function — allow a marker here when one does.
 */
const SAFE_MARKER = /^\$(?:\$|K[0-9a-f]+$|undefined$|Infinity$|-Infinity$|-0$|NaN$|D)/;
const MAX_DEPTH = 32;
/** Actions take a record number, the previous state and the form; Next refuses over 1,000. */
const MAX_ARGUMENTS = 100;

/**
 * Whether a decoded row holds only plain values and safe markers. `rows` are the ids of the rows
 * present beside it: a "$@<hex>" reference to one of them is allowed (forms posted without
 * JavaScript carry their bound arguments that way).
 */
function plainReply(value: unknown, rows: ReadonlySet<number> = new Set(), depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === "string") {
    if (!value.startsWith("$") || SAFE_MARKER.test(value)) return true;
    return /^\$@[0-9a-f]+$/.test(value) && rows.has(parseInt(value.slice(2), 16));
  }
  if (Array.isArray(value)) return value.every((v) => plainReply(v, rows, depth + 1));
  if (value !== null && typeof value === "object")
    return Object.values(value).every((v) => plainReply(v, rows, depth + 1));
  return true;
}

function jsonRow(text: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof text !== "string") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function plainRow(text: unknown, rows?: ReadonlySet<number>): boolean {
  const row = jsonRow(text);
  return row.ok && plainReply(row.value, rows);
}

/** The arguments row: a JSON array of plain values. */
function argumentsRow(text: unknown): boolean {
  const row = jsonRow(text);
  return row.ok && Array.isArray(row.value) && row.value.length <= MAX_ARGUMENTS && plainReply(row.value);
}

/** A form posted without JavaScript: React reads its "$ACTION_<n>:<m>" rows as JSON. */
function noScriptFormIsDecodable(form: FormData): boolean {
  const groups = new Map<string, Map<number, FormDataEntryValue>>();
  for (const [name, value] of form.entries()) {
    const m = /^\$ACTION_(\d+):(\d+)$/.exec(name);
    if (!m) continue;
    const group = groups.get(m[1]) ?? new Map<number, FormDataEntryValue>();
    groups.set(m[1], group.set(Number(m[2]), value));
  }
  for (const group of groups.values()) {
    const ids = new Set(group.keys());
    for (const value of group.values()) if (!plainRow(value, ids)) return false;
  }
  return true;
}

function isDecodable(body: FormData | string, isAction: boolean): boolean {
  if (typeof body === "string") return argumentsRow(body);
  if (!isAction) return noScriptFormIsDecodable(body);
  // Rows "0" (the arguments) and "<n>" (outlined values) are JSON; "<n>_<field>" are form fields.
  for (const [name, value] of body.entries()) {
    if (name === "0" ? !argumentsRow(value) : /^\d+$/.test(name) && !plainRow(value)) return false;
  }
  return body.has("0");
}

/**
 * REL-8: whether a JSON row of a decodable body spells a lone UTF-16 surrogate ("\ud800"). Form
 * fields are UTF-8 bytes, which cannot hold one; JSON escapes can, and the database would
 * answer the value with a 500.
 */
function holdsLoneSurrogate(body: FormData | string, isAction: boolean): boolean {
  const rows =
    typeof body === "string"
      ? [body]
      : [...body.entries()]
          .filter(([name]) => (isAction ? /^\d+$/ : /^\$ACTION_\d+:\d+$/).test(name))
          .map(([, value]) => value);
  return rows.some((row) => typeof row === "string" && loneSurrogateAt(JSON.parse(row)) !== null);
}

async function verdictOn(request: Request, isAction: boolean, multipart: boolean) {
  let body: FormData | string;
  try {
    body = multipart ? await request.formData() : await request.text();
  } catch {
    return "unreadable";
  }
  if (!isDecodable(body, isAction)) return "unreadable";
  return holdsLoneSurrogate(body, isAction) ? "not text" : "ok";
}

/**
 * A refusal for a POST to a page that is (or claims to be) a server action, or null to let it
 * through. Fetch actions carry a Next-Action header; forms posted without JavaScript are
 * multipart bodies naming the action inside.
 */
export async function refuseBadActionPost(request: Request): Promise<Response | null> {
  if (request.method !== "POST") return null;
  const isAction = request.headers.has("next-action");
  const type = request.headers.get("content-type") ?? "";
  const multipart = type.toLowerCase().startsWith("multipart/form-data");
  if (!isAction && !multipart) return null;
  if (crossOrigin(request.headers)) return text(403, "Forms from another site are refused.");
  const declared = request.headers.get("content-length");
  const length = declared !== null && /^\d+$/.test(declared) ? Number(declared) : NaN;
  // Browsers always send the length of a form; without it the size could not be checked first.
  if (Number.isNaN(length)) return text(411, UNREADABLE);
  if (length > ACTION_BODY_LIMIT_BYTES) return text(413, FORM_TOO_LARGE_MESSAGE);
  if (isAction && !multipart && type.toLowerCase().startsWith("application/x-www-form-urlencoded"))
    return null; // Next answers these itself (404)
  const verdict = await verdictOn(request, isAction, multipart);
  if (verdict === "unreadable") return text(400, UNREADABLE);
  if (verdict === "not text") return text(400, NOT_TEXT);
  return null;
}
