import { describe, expect, it } from "vitest";
import { packRows, unpackRows } from "./packed-rows";

type Row = { id: number; name: string | null; version?: number; sla?: { text: string } | null };

describe("packed rows (PERF-8: the case list's rows with their keys once)", () => {
  const rows: Row[] = [
    { id: 1, name: "a", version: 3, sla: { text: "2h" } },
    { id: 2, name: null },
    { id: 3, name: "c", sla: null },
  ];

  it("keeps each key once and one array of values per row", () => {
    const packed = packRows(rows);
    expect(packed.keys).toEqual(["id", "name", "version", "sla"]);
    // One string: React writes and reads it as one value, not one per field.
    expect(Object.keys(packed)).toEqual(["keys", "json"]);
    expect(typeof packed.json).toBe("string");
    expect(JSON.parse(packed.json)).toEqual([
      [
        [1, "a", 3, { text: "2h" }],
        [2, null, null, null],
        [3, "c", null, null],
      ],
      // By row index, the keys a row lacks: the second has a null name (kept) and no version or sla.
      { 1: [2, 3], 2: [2] },
    ]);
  });

  it("unpacks to the rows it was given: null stays null, an absent key stays absent", () => {
    const back = unpackRows(packRows(rows));
    expect(back).toEqual(rows);
    expect("version" in back[1]).toBe(false);
    expect(back[1].name).toBeNull();
    expect(back[2].sla).toBeNull();
  });

  it("packs no rows as no keys", () => {
    expect(packRows<Row>([])).toEqual({ keys: [], json: "[[],{}]" });
    expect(unpackRows(packRows<Row>([]))).toEqual([]);
  });

  it("is smaller as JSON than the rows themselves", () => {
    const many = Array.from({ length: 50 }, (_, i) => ({
      id: i,
      number: `CS${i}`,
      shortDescription: "x",
      state: "New",
    }));
    // As it travels: the keys once, then the values' text as is (a raw text chunk, not quoted again).
    const packed = packRows(many);
    const size = JSON.stringify(packed.keys).length + packed.json.length;
    expect(size).toBeLessThan(JSON.stringify(many).length * 0.6);
  });
});
