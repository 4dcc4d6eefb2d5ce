// PERF-6 email in: 1,000 customer replies (scaled) posted at once to POST /api/inbound/email of
// a production server — plus a tenth of them delivered a second time — are all written within
// 30 s, each exactly once (rows counted afterwards).
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { replyAddress } from "@/lib/domain/email/reply-address";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { createApiToken } from "@/lib/server/auth/api-token";
import { inboundEmailDomain } from "@/lib/server/email/config";
import { benchPort, startServer } from "./http.mts";
import type { Row } from "./report.mts";

const BENCH_ADMIN = "bench.admin@example.com";

async function prepare(replies: number, stamp: string) {
  const admin = await db().user.upsert({
    where: { email: BENCH_ADMIN },
    update: {},
    create: { email: BENCH_ADMIN, name: "Bench Admin", roles: { create: [{ role: ROLE.admin }] } },
  });
  const { token } = await createApiToken(admin.email, "bench");
  const contact = await db().user.create({
    data: { email: `bench.customer.${stamp}@example.com`, name: `Bench Customer ${stamp}`, kind: "contact" },
  });
  const cases = Math.max(1, Math.round(replies / 10));
  const tokens = Array.from({ length: cases }, () => randomBytes(24).toString("base64url"));
  await db().case.createMany({
    data: tokens.map((replyToken, i) => ({
      number: `CSIN${stamp}${i}`,
      shortDescription: `Inbound bench ${stamp} ${i}`,
      state: CaseState.Open,
      contactId: contact.id,
      replyToken,
    })),
  });
  return { token, contact, tokens };
}

const message = (from: string, to: string, id: string, i: number) =>
  Buffer.from(
    `From: Bench Customer <${from}>\r\nTo: ${to}\r\nSubject: Re: case\r\nMessage-ID: ${id}\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\n\r\nReply number ${i}, still broken.\r\n\r\n` +
      `On Mon, 2 Nov 2026 at 10:00, Support <help@example.com> wrote:\r\n> Any news?\r\n`,
  );

export async function inboundMetrics(url: string, scale: number, log: (m: string) => void): Promise<Row[]> {
  const replies = Math.max(10, Math.round(1_000 * scale));
  const stamp = Date.now().toString(36);
  const { token, contact, tokens } = await prepare(replies, stamp);
  const ids = Array.from({ length: replies }, (_, i) => `<bench-${stamp}-${i}@customer.example>`);
  const bodies = ids.map((id, i) =>
    message(contact.email, replyAddress(tokens[i % tokens.length], inboundEmailDomain()), id, i),
  );
  const deliveries = [...bodies, ...bodies.filter((_, i) => i % 10 === 0)]; // a tenth delivered twice
  await db().$disconnect();
  const port = benchPort(2);
  const server = await startServer(url, port);
  let seconds: number;
  const statuses = new Map<string, number>();
  try {
    const started = performance.now();
    await Promise.all(
      deliveries.map(async (body) => {
        const res = await fetch(`http://localhost:${port}/api/inbound/email`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "message/rfc822" },
          body,
        });
        const answer = res.ok ? ((await res.json()) as { status: string }).status : `http ${res.status}`;
        statuses.set(answer, (statuses.get(answer) ?? 0) + 1);
      }),
    );
    seconds = (performance.now() - started) / 1000;
  } finally {
    server.kill();
  }
  const caseIds = (
    await db().case.findMany({ where: { replyToken: { in: tokens } }, select: { id: true } })
  ).map((c) => c.id);
  const comments = await db().journalEntry.count({
    where: { table: TABLE.case, recordId: { in: caseIds }, kind: "comments" },
  });
  const rows = await db().inboundMessage.findMany({
    where: { messageId: { in: ids } },
    select: { status: true, deliveries: true },
  });
  const accepted = rows.filter((r) => r.status === "accepted").length;
  const delivered = rows.reduce((a, r) => a + r.deliveries, 0);
  const once =
    comments === replies &&
    accepted === replies &&
    rows.length === replies &&
    delivered === deliveries.length;
  log(
    `inbound: ${deliveries.length} POSTs in ${seconds.toFixed(1)} s; ` +
      `answers ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  log(
    `inbound: ${rows.length} inbox rows, ${accepted} accepted, ${comments} comments, ${delivered} deliveries counted`,
  );
  return [
    {
      metric: `PERF-6 ${replies} inbound replies at once (+${deliveries.length - replies} duplicates)`,
      value: seconds,
      unit: "s",
      goal: "≤ 30 s, each written once",
      pass: seconds <= 30 && once,
      note:
        `${comments} comments, ${rows.length} inbox rows, ${delivered} deliveries counted; ` +
        `${(deliveries.length / seconds).toFixed(0)} msg/s`,
    },
  ];
}
