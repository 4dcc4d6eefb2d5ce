import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Folder-level layering of lib/server (issue 22). An edge A → B means a non-test .ts/.tsx file in
// lib/server/A imports from lib/server/B ("@/lib/server/B/…" or a relative path); files directly in
// lib/server/ form the area "(root)". Type-only imports count: they still tie the folders together.
// The graph must be acyclic once the edges in ALLOWED_BACK_EDGES are left out.

const SERVER = path.resolve(import.meta.dirname);
const REPO = path.resolve(SERVER, "../..");
const ROOT = "(root)";

// Known upward imports that still close a cycle, each to be removed by moving the shared piece
// down (never by adding one here). An entry that no longer closes a cycle fails the test too, so
// the list only shrinks.
const ALLOWED_BACK_EDGES: readonly string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return [full];
  });
}

function areaOf(file: string): string | null {
  const rel = path.relative(SERVER, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length === 1 ? ROOT : parts[0];
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;

function importedFiles(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(SPECIFIER)].flatMap(([, spec]) => {
    if (spec.startsWith("@/")) return [path.join(REPO, spec.slice(2))];
    if (spec.startsWith(".")) return [path.resolve(path.dirname(file), spec)];
    return [];
  });
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SERVER)) {
    const from = areaOf(file)!;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const target of importedFiles(file)) {
      const to = areaOf(target);
      if (to && to !== from) graph.get(from)!.add(to);
    }
  }
  return graph;
}

// Tarjan's strongly connected components; every component with more than one area is a cycle.
function cycles(graph: Map<string, Set<string>>): string[] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const members: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      members.push(member);
    } while (member !== node);
    if (members.length > 1) found.push(members.sort().join(" ↔ "));
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found.sort();
}

/** The members of each cycle of the graph, with the edges between them. */
function describeCycles(graph: Map<string, Set<string>>): string[] {
  return cycles(graph).map((cycle) => {
    const members = new Set(cycle.split(" ↔ "));
    const edges = [...members].flatMap((from) =>
      [...(graph.get(from) ?? [])].filter((to) => members.has(to)).map((to) => `${from} -> ${to}`),
    );
    return `${cycle}: ${edges.join(", ")}`;
  });
}

function without(graph: Map<string, Set<string>>, edges: Iterable<string>) {
  const left = new Map([...graph].map(([from, to]) => [from, new Set(to)]));
  for (const edge of edges) {
    const [from, to] = edge.split(" -> ");
    left.get(from)?.delete(to);
  }
  return left;
}

describe("lib/server folder layering", () => {
  const graph = folderGraph();

  it("has no import cycles between areas beyond the allowed back edges", () => {
    expect(describeCycles(without(graph, ALLOWED_BACK_EDGES))).toEqual([]);
  });

  it("allows only back edges that still close a cycle", () => {
    const stale = ALLOWED_BACK_EDGES.filter((edge) => {
      const [from, to] = edge.split(" -> ");
      if (!graph.get(from)?.has(to)) return true;
      // The edge closes a cycle when its two ends are in one strongly connected component.
      return !cycles(graph).some(
        (cycle) => cycle.split(" ↔ ").includes(from) && cycle.split(" ↔ ").includes(to),
      );
    });
    expect(stale).toEqual([]);
  });

  // README "Raw SQL has one home per table": the table modules are the bottom of lib/server —
  // services call them, they call no service (lib/db and lib/domain only).
  it("keeps lib/server/tables free of imports from any other area", () => {
    expect([...(graph.get("tables") ?? [])].sort()).toEqual([]);
    expect(graph.has("tables")).toBe(true);
  });

  it("finds cycles of any length", () => {
    const sample = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
      ["d", new Set(["a"])],
    ]);
    expect(cycles(sample)).toEqual(["a ↔ b ↔ c"]);
    expect(cycles(without(sample, ["c -> a"]))).toEqual([]);
  });
});
