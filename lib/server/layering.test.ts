import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin, { folderGraph, pathBack } from "@/scripts/lint/area-layering.mjs";

// Folder-level layering of lib/server (issue 22), enforced by ESLint's caseflow/area-layering
// (scripts/lint/area-layering.mjs): these tests show the rule catches what it must, on a small tree.

const REPO = path.resolve(import.meta.dirname, "../..");

/** A project with lib/server/<area>/<file> holding the given source. */
function project(files: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), "layering-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, "lib/server", file)), { recursive: true });
    writeFileSync(path.join(root, "lib/server", file), text);
  }
  return root;
}

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** The rule's messages for `file` of a project made from `files`. */
function lint(files: Record<string, string>, file: string) {
  const root = project(files);
  roots.push(root);
  const config = {
    files: ["**/*.ts"],
    languageOptions: { parser: tseslint.parser },
    plugins: { caseflow: plugin },
    rules: { "caseflow/area-layering": ["error", { root }] },
  } satisfies Linter.Config;
  return new Linter({ cwd: root })
    .verify(files[file], [config], path.join(root, "lib/server", file))
    .map((m) => m.message);
}

describe("caseflow/area-layering (ESLint)", () => {
  it("refuses an import that closes a cycle between two areas, naming the way back", () => {
    const files = {
      "cases/write.ts": 'import { x } from "@/lib/server/work-orders/copy";\nexport const y = x;',
      "work-orders/copy.ts": 'import type { Y } from "../cases/types";\nexport const x = 1 as Y;',
      "cases/types.ts": "export type Y = number;",
    };
    expect(lint(files, "work-orders/copy.ts")).toEqual([
      expect.stringContaining(
        "lib/server/work-orders imports lib/server/cases, " +
          "which already reaches work-orders (cases → work-orders)",
      ),
    ]);
    expect(lint(files, "cases/write.ts")).toHaveLength(1);
  });

  it("finds a cycle of any length, through dynamic imports and re-exports too", () => {
    const files = {
      "a/one.ts": 'export * from "@/lib/server/b/two";',
      "b/two.ts": 'export { z } from "../c/three";',
      "c/three.ts": 'export const z = () => import("@/lib/server/a/one");',
    };
    expect(lint(files, "c/three.ts")).toEqual([expect.stringContaining("(a → b → c)")]);
  });

  it("counts an import of an area's folder itself (its index) as that area, not lib/server's root", () => {
    const files = {
      "cases/write.ts": 'import { x } from "@/lib/server/work-orders";\nexport const y = x;',
      "work-orders/index.ts": 'import { y } from "../cases/write";\nexport const x = y;',
      "util.ts": "export const z = 1;",
    };
    expect(lint(files, "cases/write.ts")).toEqual([expect.stringContaining("(work-orders → cases)")]);
  });

  it("lets an area import one below it, and lib/server/tables import none", () => {
    const files = {
      "cases/write.ts": 'import { row } from "@/lib/server/tables/case";\nexport const y = row;',
      "tables/case.ts": 'import { z } from "@/lib/server/outbox/write";\nexport const row = z;',
      "outbox/write.ts": "export const z = 1;",
    };
    expect(lint(files, "cases/write.ts")).toEqual([]);
    expect(lint(files, "tables/case.ts")).toEqual([
      expect.stringContaining("imports no other area (here outbox)"),
    ]);
  });

  it("holds for this repository: no import between areas closes a cycle", () => {
    const graph = folderGraph(REPO);
    const closing = [...graph].flatMap(([from, tos]) =>
      [...tos].filter((to) => pathBack(graph, from, to)).map((to) => `${from} -> ${to}`),
    );
    expect(closing).toEqual([]);
    expect([...(graph.get("tables") ?? ["missing"])]).toEqual([]);
  });
});
