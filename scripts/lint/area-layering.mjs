// The ESLint wall for lib/server's folder layering (issue 22, README "Architecture"): an import
// from lib/server/A into lib/server/B is an error when B already reaches A through other imports
// (a cycle between areas), and lib/server/tables, the bottom, imports no other area.
//
// Hand-written because no maintained rule checks cycles between *folders*: import/no-cycle and
// dependency-cruiser's no-circular see modules, and two areas can import each other through
// different modules without any module cycle. The graph is read from the files on disk once per
// ESLint process (a regex over import specifiers, type-only ones included: they tie the folders
// together too); the file being linted contributes its imports from its own syntax tree.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** @typedef {Map<string, Set<string>>} Graph area → the areas its files import */

/** Files directly in lib/server/ form this area. */
export const ROOT_AREA = "(root)";
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;

/** @param {string} dir @returns {string[]} non-test .ts/.tsx files under dir */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * The area of a file or an import's target: its first folder below lib/server (an import of the
 * folder itself, `@/lib/server/cases`, is that area too), or ROOT_AREA for a file directly in it.
 * @param {string} server lib/server's path @param {string} file @returns {string | null}
 */
export function areaOf(server, file) {
  const rel = path.relative(server, file);
  if (!rel || rel.startsWith("..") || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  if (parts.length > 1 || statSync(file, { throwIfNoEntry: false })?.isDirectory()) return parts[0];
  return ROOT_AREA;
}

/**
 * The area of lib/server that the import `spec` in `file` reaches (`@/…` or relative), or null.
 * @param {string} repo @param {string} file @param {string} spec @returns {string | null}
 */
function importedArea(repo, file, spec) {
  const target = spec.startsWith("@/")
    ? path.join(repo, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(file), spec)
      : null;
  return target && areaOf(path.join(repo, "lib", "server"), target);
}

/** @param {string} repo the project root (where `@/` points) @returns {Graph} */
export function folderGraph(repo) {
  const server = path.join(repo, "lib", "server");
  /** @type {Graph} */
  const graph = new Map();
  for (const file of sourceFiles(server)) {
    const from = /** @type {string} */ (areaOf(server, file));
    const edges = graph.get(from) ?? new Set();
    graph.set(from, edges);
    for (const [, spec] of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
      const to = importedArea(repo, file, spec);
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/**
 * The areas of one cycle that `from` closes by importing `to`: the path to → … → from, or null.
 * @param {Graph} graph @param {string} from @param {string} to @returns {string[] | null}
 */
export function pathBack(graph, from, to) {
  /** @type {Map<string, string>} */
  const cameFrom = new Map([[to, to]]);
  const queue = [to];
  for (let area = queue.shift(); area !== undefined; area = queue.shift()) {
    if (area === from) {
      const steps = [from];
      while (steps[0] !== to) steps.unshift(/** @type {string} */ (cameFrom.get(steps[0])));
      return steps;
    }
    for (const next of graph.get(area) ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, area);
      queue.push(next);
    }
  }
  return null;
}

/** @type {Map<string, Graph>} one graph per project root, per ESLint process */
const graphs = new Map();

/** @type {import("eslint").Rule.RuleModule} */
export const areaLayering = {
  meta: {
    type: "problem",
    docs: { description: "No import cycle between lib/server areas; lib/server/tables imports no area." },
    schema: [{ type: "object", properties: { root: { type: "string" } }, additionalProperties: false }],
    messages: {
      cycle:
        "lib/server/{{from}} imports lib/server/{{to}}, which already reaches {{from}} ({{path}}): " +
        "move the shared piece down into an area both can import instead of closing a cycle.",
      tables: "lib/server/tables is the bottom of lib/server: it imports no other area (here {{to}}).",
    },
  },
  create(context) {
    const options = /** @type {{ root?: string } | undefined} */ (context.options[0]);
    const repo = options?.root ?? context.cwd;
    const server = path.join(repo, "lib", "server");
    const file = context.filename;
    const from = areaOf(server, file);
    if (!from || /\.test\.tsx?$/.test(file)) return {};
    const graph = graphs.get(repo) ?? folderGraph(repo);
    graphs.set(repo, graph);
    /** @param {import("estree").Node} node @param {unknown} source */
    const check = (node, source) => {
      const to = typeof source === "string" ? importedArea(repo, file, source) : null;
      if (!to || to === from) return;
      if (from === "tables") return context.report({ node, messageId: "tables", data: { to } });
      const back = pathBack(graph, from, to);
      if (back) context.report({ node, messageId: "cycle", data: { from, to, path: back.join(" → ") } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.type === "Literal" ? node.source.value : null),
    };
  },
};

export default { rules: { "area-layering": areaLayering } };
