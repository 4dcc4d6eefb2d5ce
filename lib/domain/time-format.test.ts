import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FORMATTERS = ["lib/domain/time-format.ts"];

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** The project's own modules a file imports ("@/…" and relative), as repository paths. */
function imports(file: string, text: string): string[] {
  // A "use server" module is a boundary: the client holds only references to its actions.
  if (/^\s*["']use server["']/.test(text)) return [];
  const specs = [...text.matchAll(/(?:import|export)(?!\s+type\b)[^'"]*?from\s+["']([^"']+)["']/g)].map(
    (m) => m[1],
  );
  return specs.flatMap((s) => {
    const base = s.startsWith("@/")
      ? s.slice(2)
      : s.startsWith(".")
        ? path.join(path.dirname(file), s)
        : null;
    if (!base) return [];
    return [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].filter((p) => files.has(p));
  });
}

const files = new Set([...sources("app"), ...sources("components"), ...sources("lib")]);

describe("times are written on the server (issue 22)", () => {
  it("no client component reaches the server-zone time formatter, directly or through other modules", () => {
    const texts = new Map([...files].map((f) => [f, readFileSync(path.join(ROOT, f), "utf8")]));
    const offenders: string[] = [];
    for (const [file, text] of texts) {
      if (!/^\s*["']use client["']/.test(text)) continue;
      const seen = new Set<string>();
      const queue = [file];
      while (queue.length) {
        const f = queue.pop()!;
        if (seen.has(f)) continue;
        seen.add(f);
        if (FORMATTERS.includes(f)) offenders.push(`${file} → ${f}`);
        else queue.push(...imports(f, texts.get(f) ?? ""));
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("formatWindow", () => {
  it.skipIf((process.env.TZ || "UTC") !== "UTC")(
    "FSM-5: a window within one day names the day once; across days both (UTC: no TZ set)",
    async () => {
      const { formatWindow } = await import("./time-format");
      expect(formatWindow(new Date("2026-12-01T09:00:00Z"), new Date("2026-12-01T11:00:00Z"))).toBe(
        "1 Dec 2026, 09:00 – 11:00",
      );
      expect(formatWindow(new Date("2026-12-01T09:00:00Z"), new Date("2026-12-02T11:00:00Z"))).toBe(
        "1 Dec 2026, 09:00 – 2 Dec 2026, 11:00",
      );
      expect(formatWindow(null, null)).toBe("No appointment window");
      // POR-3: the portal names the zone.
      expect(
        formatWindow(new Date("2026-12-01T09:00:00Z"), new Date("2026-12-01T11:00:00Z"), { zone: true }),
      ).toBe("1 Dec 2026, 09:00 – 11:00 (UTC)");
    },
  );
});

describe("formatDateTime", () => {
  it("PERF-8: the memo of written times answers what ICU and toISOString write, first time and from the memo", async () => {
    const { formatDateTime, isoDateTime } = await import("./time-format");
    const icu = new Intl.DateTimeFormat("en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: process.env.TZ || "UTC",
    });
    const start = Date.UTC(2026, 10, 26, 5, 0);
    // 25,000 distinct instants a minute and 7 ms apart: more than a memo keeps, so each empties twice.
    for (let i = 0; i < 25_000; i++) {
      const d = new Date(start + i * 60_007);
      expect(formatDateTime(d)).toBe(icu.format(d));
      expect(isoDateTime(d)).toBe(d.toISOString());
      // Asked again for the same instant (another Date), the memo answers: the same text.
      expect(formatDateTime(new Date(d.getTime()))).toBe(icu.format(d));
      expect(isoDateTime(new Date(d.getTime()))).toBe(d.toISOString());
    }
    // An invalid date throws, as ICU and toISOString do, and is not kept: it throws again.
    for (const write of [formatDateTime, isoDateTime]) {
      expect(() => write(new Date(Number.NaN))).toThrow(RangeError);
      expect(() => write(new Date(Number.NaN))).toThrow(RangeError);
    }
  });
});

describe("formatListDateTime", () => {
  it("WRK-4: a list's time is formatDateTime's text that wraps only before the hour (no-break spaces in the date)", async () => {
    const { formatDateTime, formatListDateTime } = await import("./time-format");
    const d = new Date(Date.UTC(2026, 10, 28, 10, 30));
    const text = formatListDateTime(d);
    expect(text.replaceAll("\u00a0", " ")).toBe(formatDateTime(d));
    const [date, time] = text.split(" ");
    expect(date).not.toContain(" ");
    expect(date.endsWith(",")).toBe(true);
    expect(time).toMatch(/^\d\d:\d\d$/);
  });
});
