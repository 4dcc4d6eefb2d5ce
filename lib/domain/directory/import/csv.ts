// SET-3: reading an import file. The CSV grammar (quoted fields, doubled quotes, line breaks inside
// quotes, CRLF, a UTF-8 byte order mark) is csv-parse's, a maintained parser; this file only picks the
// delimiter a spreadsheet used (",", ";" or a tab — Excel writes ";" in many locales) and numbers the
// rows as a spreadsheet does: the header is row 1, blank rows count but are skipped.
import { CsvError, parse } from "csv-parse/sync";
import { invalid } from "../../errors";

/** The largest file an import takes, and the most rows (SET-3 measures 10,000). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 50_000;
/**
 * The most records read, blank ones included: the parser stops past it. A 20 MB file of ten million
 * blank lines built ten million arrays before the rows were counted (a worker's memory, per preview),
 * and csv-parse takes ~30 µs a record of empty cells: 3 million ",,,," lines took 87 s of CPU.
 */
const MAX_RECORDS = IMPORT_MAX_ROWS * 2 + 1;

/**
 * The most cells a row may have (a CRM export of a few hundred columns passes; the ones an import
 * does not read are listed as ignored). Checked before the parser: a 20 MB line of commas built ten
 * million cells, and matching its header cells to columns took minutes of a worker's CPU.
 */
export const IMPORT_MAX_COLUMNS = 1_000;

/**
 * The first record with more than IMPORT_MAX_COLUMNS cells, as the spreadsheet numbers it (the
 * header is row 1), or null. One pass reading quotes as the parser does: a quote opens a quoted cell
 * only at a cell's start, where `""` is a quote and a lone one closes it; elsewhere it is text
 * (relax_quotes: `Monitor 27" Dell`) — counted as opening one, a stray quote hid every delimiter after
 * it, and a 20 MB line of commas passed. A record ends at a line break outside quotes.
 */
function tooWideRow(body: string, delimiter: string): number | null {
  let [row, cells, quoted, cellStart] = [1, 1, false, true];
  // The parser ends records at the first line break style it meets (CRLF, LF or CR): so does this
  // count — ending them at any, lines of 900 commas split by lone CRs in an LF file passed it as
  // rows, and the parser built them as one record of millions of cells.
  let ending: string | null = null;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (ch === '"' && cellStart) [quoted, cellStart] = [true, false];
    else if (ch === delimiter) {
      if (++cells > IMPORT_MAX_COLUMNS) return row;
      cellStart = true;
    } else if (ch === "\n" || ch === "\r") {
      const found = ch === "\r" && body[i + 1] === "\n" ? "\r\n" : ch;
      ending ??= found;
      if (found === ending) {
        [row, cells, cellStart] = [row + 1, 1, true];
        if (found === "\r\n") i++;
      } else cellStart = false;
    } else cellStart = false;
  }
  return null;
}

export type CsvRow = { row: number; cells: string[] };
export type CsvFile = { header: string[]; rows: CsvRow[]; delimiter: string };

/** The delimiter of the header line: the most frequent of , ; and tab outside quotes. */
export function delimiterOf(text: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best, seen] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return seen > 0 ? best : ",";
}

/** A column as a spreadsheet names it: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Where the parser stopped, as the spreadsheet numbers it: the record it was reading (the records
 * before it, blank ones and the header included, plus one) and its column — not the physical line,
 * which a cell with line breaks earlier in the file moves away from the row.
 */
function brokenAt(e: CsvError): string {
  const { records, column } = e as CsvError & { records?: number; column?: number };
  if (typeof records !== "number") return "";
  return ` at row ${records + 1}${typeof column === "number" ? `, column ${columnLetter(column)}` : ""}`;
}

/** The file as a header and numbered rows, or a refusal naming where the file is broken. */
export function readCsv(text: string): CsvFile {
  const body = text.replace(/^\uFEFF/, "");
  if (!body.trim()) throw invalid("file", "The file is empty: it needs a header row and at least one row.");
  const delimiter = delimiterOf(body);
  const wide = tooWideRow(body, delimiter);
  if (wide !== null)
    throw invalid(
      "file",
      `Row ${wide.toLocaleString("en")} has more than ${IMPORT_MAX_COLUMNS.toLocaleString("en")} cells; an import ` +
        `reads at most ${IMPORT_MAX_COLUMNS.toLocaleString("en")} columns. Delete the columns it does not need, ` +
        "or check that the file uses one delimiter.",
    );
  let records: string[][];
  try {
    // relax_quotes: a quote inside an unquoted cell (Monitor 27" Dell) is that character, as
    // spreadsheets read it — it refused the whole file.
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      to: MAX_RECORDS + 1,
    });
  } catch (e) {
    if (e instanceof CsvError)
      throw invalid("file", `The file is not valid CSV${brokenAt(e)}: ${e.message.split(":")[0]}.`);
    throw e;
  }
  if (records.length > MAX_RECORDS)
    throw invalid(
      "file",
      `The file has more than ${(MAX_RECORDS - 1).toLocaleString("en")} rows, empty ones counted; an import ` +
        `takes at most ${IMPORT_MAX_ROWS.toLocaleString("en")}. If it ends in many empty rows (a spreadsheet ` +
        "saves the whole formatted range), delete them and save it again; else split it into several files.",
    );
  const [header = [], ...data] = records;
  const rows = data
    .map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ""));
  if (!rows.length) throw invalid("file", "The file has a header but no rows to import.");
  if (rows.length > IMPORT_MAX_ROWS)
    throw invalid(
      "file",
      `The file has ${rows.length.toLocaleString("en")} rows; an import takes at most ` +
        `${IMPORT_MAX_ROWS.toLocaleString("en")}. Split it into several files.`,
    );
  return { header: header.map((h) => h.trim()), rows, delimiter };
}
