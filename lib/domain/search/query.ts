// WRK-5: the global search's text, checked and turned into a text-index query for each database.
// The words are cut out of the text here, so nothing a person types — `%`, `_`, quotes, `*`, `-`,
// `:`, NEAR, AND — ever reaches either database's query language as an operator: each word is
// a quoted literal matched as a prefix ("prin fail" finds "Printer fails").
import { invalid } from "../errors";
import { controlCharacterIn, controlCharacterMessage } from "../validation";

export const SEARCH_MAX_LENGTH = 100;
/** Words shorter than this are left out: one letter as a prefix matches most of the index. */
export const SEARCH_MIN_WORD = 2;
/** More words than this narrow nothing a person needs and only cost index lookups. */
export const SEARCH_MAX_WORDS = 6;

/**
 * The search text as typed, or a field error (a 400 from the route): not text, a control
 * character, more than SEARCH_MAX_LENGTH characters. Trimmed.
 */
export function searchQuery(raw: unknown): string {
  if (raw !== undefined && raw !== null && typeof raw !== "string")
    throw invalid("q", "Search must be text.");
  const text = (raw ?? "").trim();
  const code = controlCharacterIn(text);
  if (code) throw invalid("q", controlCharacterMessage("Search", code));
  if (text.length > SEARCH_MAX_LENGTH)
    throw invalid(
      "q",
      `Search must be at most ${SEARCH_MAX_LENGTH} characters (it has ${text.length.toLocaleString("en")}).`,
    );
  return text;
}

/**
 * The words of `text` as both indexes cut them: letters and digits (Unicode), everything else a
 * separator — SQLite's unicode61 tokenizer keeps letters, digits and private-use characters, and
 * the PostgreSQL index replaces punctuation by spaces before its parser runs. Lower case one
 * character at a time, as both indexes fold it; duplicates and words under SEARCH_MIN_WORD
 * characters dropped.
 *
 * NFC, not NFKC: neither index folds compatibility forms, so NFKC made the typed word differ from
 * the stored one — "ＴＯＫＹＯ", "Proﬁle" (a ligature pasted from a PDF) and "12m²" found nothing
 * typed exactly as stored. And not the whole word lower-cased: JavaScript makes a final Σ "ς",
 * which neither index does ("ΟΔΟΣ" found nothing on PostgreSQL).
 */
export function searchWords(text: string): string[] {
  // Cut before lower-casing: "İ" lower-cases to "i" and a combining dot (U+0307), which the cut took
  // for a separator — "İstanbul" searched for "stanbul" and found nothing. A mark that lower case
  // adds is dropped, as the indexes drop diacritics.
  const words = text
    .normalize("NFC")
    .split(/[^\p{L}\p{N}\p{Co}]+/u)
    .map((w) =>
      [...w]
        .map((c) => c.toLowerCase())
        .join("")
        .replace(/\p{M}/gu, ""),
    )
    .filter((w) => w.length >= SEARCH_MIN_WORD);
  return [...new Set(words)].slice(0, SEARCH_MAX_WORDS);
}

/** SQLite FTS5: every word a quoted prefix term, all required: `"prin"* AND "fail"*`. */
export function ftsMatch(words: readonly string[]): string {
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(" AND ");
}

/** PostgreSQL to_tsquery: every word a quoted prefix lexeme, all required: `'prin':* & 'fail':*`. */
export function tsQuery(words: readonly string[]): string {
  return words.map((w) => `'${w.replace(/\\/g, "\\\\").replace(/'/g, "''")}':*`).join(" & ");
}
