import "server-only";
import { readRefRows, type RefKind, type RefRow } from "@/lib/server/tables/record-refs";

// Names and numbers of referenced records, for many ids of many tables, in ONE statement
// (lib/server/tables/record-refs.ts).

export type { RefKind, RefRow };
export type RefMap = Map<string, RefRow>;
export const refKey = (kind: RefKind, id: number) => `${kind}:${id}`;

/** Collects ids per kind; nulls and duplicates are ignored. */
export class RefRequest {
  private ids = new Map<RefKind, Set<number>>();
  add(kind: RefKind, id: number | null | undefined) {
    if (id === null || id === undefined || !Number.isInteger(id)) return this;
    if (!this.ids.has(kind)) this.ids.set(kind, new Set());
    this.ids.get(kind)!.add(id);
    return this;
  }
  async resolve(): Promise<RefMap> {
    const map: RefMap = new Map();
    for (const r of await readRefRows(this.ids)) {
      map.set(refKey(r.kind, Number(r.id)), {
        id: Number(r.id),
        number: r.number,
        name: r.name,
        email: r.email,
        state: r.state === null ? null : Number(r.state),
      });
    }
    return map;
  }
}
