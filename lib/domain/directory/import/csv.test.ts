// SET-3: reading an import file — where a broken file is broken, as the spreadsheet numbers it.
import { describe, expect, it } from "vitest";
import { columnLetter, IMPORT_MAX_COLUMNS, IMPORT_MAX_ROWS, readCsv } from "./csv";
import { mapHeader } from "./columns";

describe("reading an import file (SET-3)", () => {
  it("SET-3: a quote inside an unquoted cell is that character; quoted cells keep their line breaks", () => {
    const file = readCsv('name,serial\n"Two\nlines",A1\nMonitor 27" Dell,B2\n');
    expect(file.rows).toEqual([
      { row: 2, cells: ["Two\nlines", "A1"] },
      { row: 3, cells: ['Monitor 27" Dell', "B2"] },
    ]);
  });

  it("SET-3: a broken quote is refused naming its row and column as a spreadsheet numbers them, not the file's line", () => {
    // Row 2's cell holds two lines: the quote opened on row 4 is on the file's line 5 (the parser
    // reports the line where the file ended).
    const text = 'name,email\n"Two\nlines",a@b.co\nAda,ada@b.co\nBob,"unclosed\nCy,c@b.co\n';
    expect(() => readCsv(text)).toThrow("The file is not valid CSV at row 4, column B: Quote Not Closed.");
  });

  it("SET-3: a row of more than 1,000 cells is refused naming it, before the parser builds them; 1,000 are read", () => {
    const cells = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(",");
    const refusal = (text: string) => {
      try {
        readCsv(text);
        return null;
      } catch (e) {
        return (e as { field?: string; message: string }).message;
      }
    };
    expect(IMPORT_MAX_COLUMNS).toBe(1_000);
    expect(refusal(`${cells(1_001)}\nx\n`)).toMatch(
      /^Row 1 has more than 1,000 cells; an import reads at most 1,000 columns/,
    );
    expect(refusal(`email,name\na@x.test,A\n${cells(1_001)}\n`)).toMatch(/^Row 3 has more than 1,000 cells/);
    // Rows end at CRLF and at a lone CR (old spreadsheets) too: no file is one long row.
    const lines = Array.from({ length: 5 }, () => cells(600));
    expect(readCsv(lines.join("\r")).rows).toHaveLength(4);
    expect(readCsv(lines.join("\r\n")).rows).toHaveLength(4);
    // A quote inside an unquoted cell is text (as the parser reads it): the delimiters after it count.
    expect(refusal(`email,name\nx" y,A\n${",".repeat(1_000)}\n`)).toMatch(/^Row 3 has more than 1,000 cells/);
    expect(refusal(`email,name\n"a ""quoted"", x",A\n${",".repeat(1_000)}\n`)).toMatch(/^Row 3 has more/);
    // Records end at the file's first line break style, as the parser's: a lone CR in an LF file is text.
    expect(refusal(`email,name\n${`${",".repeat(900)}\r`.repeat(3)}\n`)).toMatch(
      /^Row 2 has more than 1,000 cells/,
    );
    // Delimiters inside a quoted cell are text, not cells.
    const quoted = readCsv(`email,notes\na@x.test,"${",".repeat(5_000)}"\n`);
    expect(quoted.rows[0].cells[1]).toHaveLength(5_000);
    // A header of 1,000 cells, the unknown ones ignored; each cell is matched once.
    const wide = readCsv(`Email,Name,${cells(998)}\na@x.test,A\n`);
    const map = mapHeader("contacts", wide.header);
    expect(map.index).toMatchObject({ email: 0, name: 1 });
    expect(map.ignored).toHaveLength(998);
  });

  it("SET-3: columns are lettered as in a spreadsheet", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });

  it("SET-3: a file of millions of blank lines is refused as too long without reading them all; 50,000 rows are taken", () => {
    const started = performance.now();
    expect(() => readCsv(`email,name\n${"\n".repeat(3_000_000)}a@x.example,A\n`)).toThrow(
      /more than 100,000 rows, empty ones counted; an import takes at most 50,000\. If it ends in many empty rows/,
    );
    expect(performance.now() - started).toBeLessThan(20_000); // 3,000,000 lines read in full took far longer
    const rows = Array.from({ length: IMPORT_MAX_ROWS }, (_, i) => `p${i}@x.example,P`).join("\n");
    expect(readCsv(`email,name\n${rows}\n`).rows).toHaveLength(IMPORT_MAX_ROWS);
    expect(() => readCsv(`email,name\n${rows}\nextra@x.example,E\n`)).toThrow(/50,001 rows/);
  });
});
