// docs/rules is the project's statement of the SPEC rules (README there). These tests keep it complete
// and its generated "Carried by" blocks current.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { docFiles, documentedIds, findSpec, renderAll, renderDoc, RULE_ID, undocumented } from "./rules.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.isAbsolute(file) ? file : path.join(root, file), "utf8");
const documented = () => docFiles(root).flatMap((f) => documentedIds(read(f)));
const spec = findSpec(root);
const FIX =
  "Add a heading `## <ID> — <title>` with the rule to its page in docs/rules, then run `npm run docs:rules`.";

describe("docs/rules documents every rule id", () => {
  it("every rule id a test or source file names is documented", () => {
    expect(undocumented(root), FIX).toEqual([]);
  });

  it("each id is documented once", () => {
    const ids = documented();
    expect(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      "an id has two headings in docs/rules",
    ).toEqual([]);
  });

  it.skipIf(spec === undefined)(
    spec === undefined
      ? "every SPEC.md id is documented — skipped: SPEC.md not found beside the checkout (../shared/SPEC.md)"
      : "every SPEC.md id is documented",
    () => {
      const have = new Set(documented());
      const missing = [...new Set(read(spec ?? "").match(RULE_ID))].filter((id) => !have.has(id));
      expect(missing, FIX).toEqual([]);
    },
  );

  it("the Carried by blocks are current", () => {
    const stale = renderAll(root)
      .filter((d) => d.after !== d.before)
      .map((d) => d.file);
    expect(
      stale,
      "Carried by is stale in these files: run `npm run docs:rules` and commit the result",
    ).toEqual([]);
  });
});

describe("the Carried by generator", () => {
  const found = new Map([["REC-4", { code: ["lib/x.ts"], tests: ["lib/x.test.ts", "e2e/x.spec.ts"] }]]);
  const doc =
    "# Records\n\nIntro.\n\n## REC-4 — Resolving needs notes\n\nThe rule.\n\n## REC-5 — Audit\n\nAudited.\n";

  it("adds a block to each rule, keeps the hand-written text, and is stable on a second run", () => {
    const once = renderDoc(doc, found);
    expect(once).toContain(
      "Intro.\n\n## REC-4 — Resolving needs notes\n\nThe rule.\n\n<!-- carried-by:REC-4 -->",
    );
    expect(once).toContain("- Code: [`lib/x.ts`](<../../lib/x.ts>)\n");
    expect(once).toContain("- Tests: [`lib/x.test.ts`](<../../lib/x.test.ts>), [`e2e/x.spec.ts`]");
    expect(once).toContain("Audited.\n\n<!-- carried-by:REC-5 -->\n**Carried by**");
    expect(once).toContain("- Code: none yet\n- Tests: none yet\n<!-- /carried-by -->\n");
    expect(renderDoc(once, found)).toBe(once);
  });

  it("rewrites a stale block in place of the old one", () => {
    const stale = renderDoc(doc, new Map());
    expect(renderDoc(stale, found)).toBe(renderDoc(doc, found));
  });
});
