// test:cluster's checks, straight in the database: every acknowledged write there once (an
// unanswered one at most once), no email sent twice, no job item left undone, numbers unique.
import pg from "pg";
import type { Received } from "./smtp-sink.mts";
import type { Write } from "./load.mts";

type Q = (sql: string, args?: unknown[]) => Promise<Record<string, unknown>[]>;
const count = async (q: Q, sql: string, args: unknown[]) => Number((await q(sql, args))[0].n);

export async function checkWrites(q: Q, writes: Write[], problems: string[]) {
  let found = 0;
  for (const w of writes) {
    let n: number;
    if (w.kind === "case")
      n = await count(q, `SELECT count(*) n FROM "Case" WHERE "shortDescription" = $1`, [w.marker]);
    else if (w.kind === "incident")
      n = await count(q, `SELECT count(*) n FROM "Incident" WHERE "shortDescription" = $1`, [w.marker]);
    else if (w.kind === "link") {
      const [caseNo, incNo] = w.marker.split(">");
      n = await count(
        q,
        `SELECT count(*) n FROM "Case" c JOIN "Incident" i ON i."id" = c."incidentId"
         WHERE c."number" = $1 AND i."number" = $2`,
        [caseNo, incNo],
      );
    } else if (w.kind === "state") {
      // The change itself, and its one sync note on each case linked to the incident.
      n = await count(q, `SELECT count(*) n FROM "Incident" WHERE "number" = $1 AND "state" = 2`, [w.marker]);
      const notes = await q(
        `SELECT c."number", (SELECT count(*) FROM "JournalEntry" j WHERE j."table" = 'sn_customerservice_case'
           AND j."recordId" = c."id" AND j."body" LIKE $2) n
         FROM "Case" c JOIN "Incident" i ON i."id" = c."incidentId" WHERE i."number" = $1`,
        [w.marker, `Incident ${w.marker} state changed: New → In Progress%`],
      );
      for (const r of notes)
        if (Number(r.n) !== n)
          problems.push(`case ${String(r.number)} has ${String(r.n)} notes of ${w.marker}'s change`);
    } else n = await count(q, `SELECT count(*) n FROM "JournalEntry" WHERE "body" = $1`, [w.marker]);
    const acked = w.status >= 200 && w.status < 300;
    if (n > 0) found++;
    if (acked ? n !== 1 : n > 1)
      problems.push(
        `${w.kind} ${w.marker} (${acked ? "acknowledged" : `status ${w.status}`}) found ${n} times`,
      );
  }
  return found;
}

export async function checkNumbers(q: Q, problems: string[]) {
  for (const table of ["Case", "Incident"]) {
    const dup = await q(`SELECT "number" FROM "${table}" GROUP BY "number" HAVING count(*) > 1`);
    for (const d of dup) problems.push(`${table} number ${String(d.number)} is used twice`);
  }
}

/** Emails: each sent message received, none twice — except one whose sender died between the
 * SMTP answer and marking it sent (same Message-ID, attempts 2: REL-4's receiver-side dedupe). */
export async function checkEmails(q: Q, received: Received[], killAt: number, problems: string[]) {
  const byId = new Map<string, number[]>();
  for (const r of received) byId.set(r.messageId, [...(byId.get(r.messageId) ?? []), r.at]);
  const rows = await q(
    `SELECT "id", "status", "attempts", COALESCE("messageId", '<outbox-' || "id" || '@caseflow.local>') mid
     FROM "OutboxMessage" WHERE "status" <> 'suppressed'`,
  );
  let duplicates = 0;
  let crashResends = 0;
  const left: string[] = [];
  for (const r of rows) {
    const times = byId.get(String(r.mid)) ?? [];
    if (r.status !== "sent") left.push(`outbox ${String(r.id)} left ${String(r.status)}`);
    else if (!times.length) left.push(`outbox ${String(r.id)} marked sent but never received`);
    if (times.length < 2) continue;
    // The first copy left the killed node as it died (its answer never got back), the second after the lease.
    const crashWindow = times.length === 2 && Number(r.attempts) > 1 && Math.abs(times[0] - killAt) < 2_000;
    if (crashWindow) crashResends++;
    else duplicates++;
    if (duplicates + crashResends <= 5)
      console.log(
        `outbox ${String(r.id)} received ${times.length} times (${times.map((t) => `${t - killAt} ms`).join(", ")} ` +
          `from the kill), attempts ${String(r.attempts)}`,
      );
  }
  if (duplicates) problems.push(`${duplicates} email(s) sent twice or more (same Message-ID)`);
  if (crashResends > 1)
    problems.push(`${crashResends} emails re-sent after the crash (at most 1 can be in flight)`);
  if (left.length)
    problems.push(`${left.length} outbox message(s) not done: ${left.slice(0, 5).join("; ")}…`);
  return { outbox: rows.length, received: received.length, distinct: byId.size, duplicates, crashResends };
}

/** Jobs: no Resolved case due for auto-close left, each closed once; no SLA timer due unmarked. */
export async function checkJobs(q: Q, problems: string[]) {
  const due = await count(
    q,
    `SELECT count(*) n FROM "Case" c WHERE c."state" = 6 AND c."resolvedAt" < now() - interval '7 days'
       AND c."majorCaseState" IS DISTINCT FROM 'accepted'
       AND NOT EXISTS (SELECT 1 FROM "JournalEntry" j WHERE j."table" = 'sn_customerservice_case'
         AND j."recordId" = c."id" AND j."kind" = 'comments' AND j."createdAt" > c."resolvedAt")`,
    [],
  );
  if (due) problems.push(`${due} case(s) due for auto-close still Resolved`);
  const twice = await q(
    `SELECT "recordId" FROM "JournalEntry" WHERE "eventKey" LIKE 'auto-close:%'
     GROUP BY "recordId" HAVING count(*) > 1`,
  );
  if (twice.length) problems.push(`${twice.length} case(s) auto-closed twice`);
  const sla = await count(
    q,
    `SELECT count(*) n FROM "CaseSla" WHERE "stoppedAt" IS NULL AND "breachedAt" IS NULL AND "dueAt" < now()`,
    [],
  );
  if (sla) problems.push(`${sla} SLA timer(s) due but not marked breached`);
  const closed = await count(
    q,
    `SELECT count(*) n FROM "JournalEntry" WHERE "eventKey" LIKE 'auto-close:%'`,
    [],
  );
  const breached = await count(q, `SELECT count(*) n FROM "CaseSla" WHERE "breachedAt" IS NOT NULL`, []);
  return { autoClosed: closed, slaBreached: breached };
}

export function querier(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const q: Q = async (sql, args = []) => (await pool.query(sql, args)).rows as Record<string, unknown>[];
  return { q, end: () => pool.end() };
}
