// test:cluster's load: a bounded mix of writes through the Table API, spread over the live nodes.
// Each write carries a marker of its own, so the check can count it in the database.
import { sysIdOf } from "@/lib/domain/api/sys-id";

export type Write = { kind: string; marker: string; status: number; node: string; result?: Rec };
type Rec = { sys_id: string; number: string };
type Target = { name: string; port: number; down: boolean };

const AGENT = "agent@example.com"; // demo users (password demo)
const ITIL = "itil@example.com";
const CUSTOMER = "customer@acme.example"; // Carol, contact of Acme Corporation (user 6)
const basic = (email: string) => `Basic ${Buffer.from(`${email}:demo`).toString("base64")}`;

export class Load {
  readonly writes: Write[] = [];
  private turn = 0;
  constructor(
    private nodes: Target[],
    private run: string,
    private onWrite: (sent: number) => void = () => {},
  ) {}

  private pick(): Target {
    const live = this.nodes.filter((n) => !n.down);
    return live[this.turn++ % live.length];
  }

  /** One write; its status is 0 when no answer came (refused, reset: the node died). */
  private async send(kind: string, marker: string, as: string, method: string, path: string, body: object) {
    const node = this.pick();
    const w: Write = { kind, marker, status: 0, node: node.name };
    this.writes.push(w);
    this.onWrite(this.writes.length);
    try {
      const r = await fetch(`http://127.0.0.1:${node.port}/api/now/table/${path}`, {
        method,
        headers: { Authorization: basic(as), "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      w.status = r.status;
      if (r.ok) w.result = ((await r.json()) as { result: Rec }).result;
    } catch {
      w.status = 0;
    }
    return w;
  }

  private async pool<T>(items: T[], concurrency: number, work: (t: T, i: number) => Promise<unknown>) {
    let next = 0;
    const lane = async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  }

  /**
   * Each user signs in once on each node before the load: HTTP Basic checks the password once and
   * remembers it; many first checks at once would count as a burst of sign-ins (REL-5, 429).
   */
  async warmUp(nodes: Target[] = this.nodes) {
    for (const n of nodes)
      for (const as of [AGENT, ITIL, CUSTOMER]) {
        const r = await fetch(
          `http://127.0.0.1:${n.port}/api/now/table/sn_customerservice_case?sysparm_limit=1`,
          {
            headers: { Authorization: basic(as), Accept: "application/json" },
          },
        );
        if (!r.ok) throw new Error(`${as} cannot read cases on ${n.name}: ${r.status}`);
      }
  }

  /** Cases and incidents, then journal entries, replies and links, then the incidents' state changes. */
  async go(o: { cases: number; incidents: number; concurrency: number }) {
    const m = (what: string, i: number) => `cl-${this.run}-${what}-${i}`;
    const caseBody = (i: number) => ({
      short_description: m("case", i),
      account: sysIdOf("customer_account", 1),
      contact: sysIdOf("customer_contact", 6),
      assigned_to: sysIdOf("sys_user", 2),
    });
    const idx = (n: number) => Array.from({ length: n }, (_, i) => i);
    const cases: Write[] = [];
    const incidents: Write[] = [];
    // Every fifth write is an incident, numbered from i itself: a number taken from incidents.length
    // before the await was taken again by another lane while the first was in flight (two
    // incidents with one marker, both acknowledged, counted twice by the check).
    await this.pool(idx(o.cases + o.incidents), o.concurrency, async (i) => {
      const n = Math.floor(i / 5);
      if (i % 5 === 4 && n < o.incidents) {
        incidents[n] = await this.send("incident", m("inc", n), ITIL, "POST", "incident", {
          short_description: m("inc", n),
        });
      } else
        cases.push(
          await this.send("case", m("case", i), AGENT, "POST", "sn_customerservice_case", caseBody(i)),
        );
    });
    const made = cases.filter((c) => c.result);
    const incs = incidents.filter((x) => x.result);
    const links: { caseW: Write; inc: Write; w: Write }[] = [];
    const steps = made.flatMap((c, i) => [
      () =>
        this.send("work_note", m("wn", i), AGENT, "PATCH", `sn_customerservice_case/${c.result!.sys_id}`, {
          work_notes: m("wn", i),
        }),
      () =>
        this.send("comment", m("cm", i), AGENT, "PATCH", `sn_customerservice_case/${c.result!.sys_id}`, {
          comments: m("cm", i),
        }),
      () =>
        this.send("reply", m("re", i), CUSTOMER, "PATCH", `sn_customerservice_case/${c.result!.sys_id}`, {
          comments: m("re", i),
        }),
      async () => {
        const inc = incs[i % Math.max(1, incs.length)];
        if (!inc || i >= incs.length * 3) return;
        const w = await this.send(
          "link",
          `${c.result!.number}>${inc.result!.number}`,
          AGENT,
          "PATCH",
          `sn_customerservice_case/${c.result!.sys_id}`,
          { incident: inc.result!.sys_id },
        );
        links.push({ caseW: c, inc, w });
      },
    ]);
    await this.pool(steps, o.concurrency, (step) => step());
    await this.pool(incs, o.concurrency, (inc) =>
      this.send("state", inc.result!.number, ITIL, "PATCH", `incident/${inc.result!.sys_id}`, { state: "2" }),
    );
    return { cases: made, incidents: incs, links };
  }
}
