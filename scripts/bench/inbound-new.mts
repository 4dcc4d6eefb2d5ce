// NOT-3 / PERF-6 email to case: 1,000 new messages (scaled) to the support address, posted at once
// to POST /api/inbound/email of a production server from 100 known contacts — plus a tenth of them
// delivered a second time — each open exactly one case within 30 s (cases counted afterwards).
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { supportAddressOf } from "@/lib/domain/email/email-to-case";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { createApiToken } from "@/lib/server/auth/api-token";
import { inboundEmailDomain } from "@/lib/server/email/config";
import { propertyValue } from "@/lib/server/properties/read";
import { benchPort, startServer } from "./http.mts";
import type { Row } from "./report.mts";

const BENCH_ADMIN = "bench.admin@example.com";
const SENDERS = 100;

async function prepare(stamp: string) {
  const admin = await db().user.upsert({
    where: { email: BENCH_ADMIN },
    update: {},
    create: { email: BENCH_ADMIN, name: "Bench Admin", roles: { create: [{ role: ROLE.admin }] } },
  });
  const { token } = await createApiToken(admin.email, "bench");
  const account = await db().account.findFirst({ select: { id: true }, orderBy: { id: "asc" } });
  const emails = Array.from({ length: SENDERS }, (_, i) => `bench.sender.${stamp}.${i}@customer.example`);
  await db().user.createMany({
    data: emails.map((email, i) => ({
      email,
      name: `Bench Sender ${i}`,
      kind: "contact",
      accountId: account?.id ?? null,
    })),
  });
  const support = supportAddressOf(await propertyValue(PROPERTY.inboundSupportAddress), inboundEmailDomain());
  return { token, emails, support };
}

const message = (from: string, to: string, id: string, i: number) =>
  Buffer.from(
    `From: Bench Sender <${from}>\r\nTo: ${to}\r\nSubject: Printer ${i} is offline\r\nMessage-ID: ${id}\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\n\r\nPrinter number ${i} shows offline since this morning.\r\n`,
  );

export async function inboundNewCaseMetrics(
  url: string,
  scale: number,
  log: (m: string) => void,
): Promise<Row[]> {
  const count = Math.max(10, Math.round(1_000 * scale));
  const stamp = Date.now().toString(36);
  const { token, emails, support } = await prepare(stamp);
  const ids = Array.from({ length: count }, (_, i) => `<bench-new-${stamp}-${i}@customer.example>`);
  const bodies = ids.map((id, i) => message(emails[i % emails.length], support, id, i));
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
  const cases = await db().case.count({ where: { channel: "email", contact: { email: { in: emails } } } });
  const rows = await db().inboundMessage.findMany({
    where: { messageId: { in: ids } },
    select: { status: true, caseId: true },
  });
  const opened = rows.filter((r) => r.status === "opened" && r.caseId !== null).length;
  const once = cases === count && opened === count && rows.length === count;
  log(
    `inbound new: ${deliveries.length} POSTs in ${seconds.toFixed(1)} s; ` +
      `answers ${JSON.stringify(Object.fromEntries(statuses))}; ${opened} opened, ${cases} cases`,
  );
  return [
    {
      metric: `NOT-3 ${count} new-case emails at once (+${deliveries.length - count} duplicates)`,
      value: seconds,
      unit: "s",
      goal: "≤ 30 s, one case each",
      pass: seconds <= 30 && once,
      note: `${cases} cases, ${rows.length} inbox rows; ${(deliveries.length / seconds).toFixed(0)} msg/s`,
    },
  ];
}
