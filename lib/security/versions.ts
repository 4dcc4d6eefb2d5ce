// REL-5: the security floors of STACK.md — the lowest versions without known advisories.
export const SECURITY_FLOORS: Record<string, string> = {
  next: "16.2.12",
  react: "19.2.8",
  "react-dom": "19.2.8",
  "next-auth": "5.0.0-beta.32",
};

type Parsed = { core: number[]; pre: (string | number)[] };

function parse(v: string): Parsed {
  const [core, pre = ""] = v.replace(/^[^\d]*/, "").split("+")[0].split(/-(.*)/s);
  return {
    core: core.split(".").map((n) => Number(n) || 0),
    pre: pre ? pre.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [],
  };
}

/** Semantic-version order: -1, 0 or 1 (a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if ((x.core[i] ?? 0) !== (y.core[i] ?? 0)) return (x.core[i] ?? 0) < (y.core[i] ?? 0) ? -1 : 1;
  if (!x.pre.length || !y.pre.length) return x.pre.length === y.pre.length ? 0 : x.pre.length ? -1 : 1;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    if (typeof p === "number" && typeof q === "number") return p < q ? -1 : 1;
    return String(p) < String(q) ? -1 : 1;
  }
  return 0;
}
