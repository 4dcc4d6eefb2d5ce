// REL-8: JSON may spell a lone UTF-16 surrogate ("\ud800"), which no UTF-8 text can hold: the
// database drivers refuse it (Prisma's engine answers "lone leading surrogate in hex escape", a
// 500). Bodies and action arguments are checked for them before anything reads their values.

/** With the `u` flag a lone surrogate is a code point of its own; a well-formed pair is not. */
const LONE_SURROGATE = /\p{Surrogate}/u;

export const hasLoneSurrogate = (text: string) => LONE_SURROGATE.test(text);

/** A key is named by its well-formed part: the field it was meant to be. */
const keyName = (key: string) => key.replace(new RegExp(LONE_SURROGATE.source, "gu"), "\uFFFD");

/**
 * Where the first string (or object key) holding a lone surrogate is in a JSON value, as the
 * client wrote it: `short_description`, `items[2].name`; "" for the value itself; null when
 * every string is well formed. Walked with a stack of its own: a 1 MB body can nest 500,000
 * levels deep, past any call stack.
 */
export function loneSurrogateAt(value: unknown): string | null {
  const pending: [unknown, string][] = [[value, ""]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === "string") {
      if (hasLoneSurrogate(item)) return path;
    } else if (Array.isArray(item)) {
      const items: unknown[] = item;
      for (let i = items.length - 1; i >= 0; i--) pending.push([items[i], `${path}[${i}]`]);
    } else if (item !== null && typeof item === "object") {
      const entries: [string, unknown][] = Object.entries(item);
      for (const [key] of entries)
        if (hasLoneSurrogate(key)) return path ? `${path}.${keyName(key)}` : keyName(key);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i];
        pending.push([v, path ? `${path}.${key}` : key]);
      }
    }
  }
  return null;
}

export const loneSurrogateMessage = (field: string) =>
  `${field || "The body"} holds a lone UTF-16 surrogate (an unpaired \\uD800–\\uDFFF escape), ` +
  "which is not text; send it as UTF-8 or as a pair of escapes.";

/**
 * REL-6: text from outside that is not JSON — a decoded email (mailparser passes a lone surrogate
 * of a UTF-16 encoded word through) — with each lone surrogate made U+FFFD, which any database
 * stores. A well-formed pair stays.
 */
export const wellFormedText = (text: string) =>
  text.replace(new RegExp(LONE_SURROGATE.source, "gu"), "\uFFFD");

/**
 * At most `max` UTF-16 units of `text`, never cutting a surrogate pair in half (a cut emoji was a
 * lone surrogate, refused by the database: the whole message failed and the sender retried for
 * days); `mark` ("…") ends a cut text, within the limit.
 */
export function clipText(text: string, max: number, mark = ""): string {
  if (text.length <= max) return text;
  if (mark.length > max) mark = ""; // no room for the mark: the text alone, cut
  let cut = max - mark.length;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--; // a high surrogate: its pair is past the cut
  return `${text.slice(0, cut)}${mark}`;
}
