import { describe, expect, it } from "vitest";
import { creationChanges, diffFields } from "./diff";

describe("which fields a change touches (REC-5)", () => {
  it("REC-5: changed values are listed as text, unchanged ones are not", () => {
    expect(diffFields({ priority: 3, state: 1 }, { priority: 1, state: 1 })).toEqual([
      { field: "priority", oldValue: "3", newValue: "1" },
    ]);
  });

  it('REC-5: null and "" are the same (both "(empty)"): a form\'s blank for a field never set changes nothing', () => {
    expect(
      diffFields({ resolutionNotes: null, closeNotes: "" }, { resolutionNotes: "", closeNotes: null }),
    ).toEqual([]);
    expect(diffFields({ resolutionNotes: null }, { resolutionNotes: "Fixed" })).toEqual([
      { field: "resolutionNotes", oldValue: null, newValue: "Fixed" },
    ]);
    expect(diffFields({ resolutionNotes: "Fixed" }, { resolutionNotes: "" })).toEqual([
      { field: "resolutionNotes", oldValue: "Fixed", newValue: "" },
    ]);
  });

  it("REC-5: fields left out of the patch or ignored are not compared; a new record lists its set values", () => {
    expect(diffFields({ a: 1, b: 2 }, { a: undefined, b: 3 }, ["b"])).toEqual([]);
    expect(
      creationChanges({ shortDescription: "Printer", description: "", assetId: null, major: false }),
    ).toEqual([{ field: "shortDescription", oldValue: null, newValue: "Printer" }]);
  });
});
