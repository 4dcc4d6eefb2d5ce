import { describe, expect, it } from "vitest";
import { refusedBeside } from "./notice";

const refusal = (fieldErrors?: Record<string, string>) => ({ ok: false, message: "No", fieldErrors });

describe("where a form shows a refusal (REL-1)", () => {
  it("REC-6 / INC-2: a refusal naming a field the form does not show is shown above it, not dropped", () => {
    expect(refusedBeside(refusal(), ["problem"])).toBe(true);
    expect(refusedBeside(refusal({ problem: "Not found" }), ["problem", "change"])).toBe(false);
    // A stale save, a case resolved meanwhile, a slot taken meanwhile: no input of the form.
    expect(refusedBeside(refusal({ version: "Changed by someone else" }), ["problem"])).toBe(true);
    expect(refusedBeside(refusal({ state: "Resolved" }), ["problem"])).toBe(true);
    expect(refusedBeside(refusal({ changeId: "Already has one" }), new Set(["templateId"]))).toBe(true);
    expect(refusedBeside({ ok: true }, [])).toBe(false);
    expect(refusedBeside(null, [])).toBe(false);
  });
});
