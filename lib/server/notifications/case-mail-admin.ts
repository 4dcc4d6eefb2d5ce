import "server-only";
import { db, inTransaction, type Tx } from "@/lib/db";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import { forbidden, staleRecord } from "@/lib/domain/errors";
import {
  CASE_MAIL_EVENTS,
  caseMailTemplateSchema,
  finishesCase,
  placeholdersOf,
  templateOrDefault,
  type CaseMailTemplateInput,
} from "@/lib/domain/notifications/case-mail";
import { parseOrThrow } from "@/lib/domain/validation";
import { portalCaseLink, portalNewCaseLink } from "@/lib/domain/email/customer-mail";
import { appUrl } from "../app-url";
import { writeAudit } from "../audit/write";

function assertAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators can change the emails sent to customers.");
}

/** An example case for the preview: what a customer would read. */
const SAMPLE = {
  number: "CS0001234",
  shortDescription: "Email is not arriving on my phone",
  stateLabel: "Open",
  customerName: "Alex Example",
  question: "Which phone and mail app do you use?",
  resolutionNotes: "The mail profile was re-created; new mail arrives again.",
};

/**
 * NOT-1: each case email with its template (as saved, or the default), its placeholders and the
 * example case its preview is rendered for (on the page, as the admin types: renderCaseMail is pure).
 */
export async function listCaseMailTemplates(actor: Actor) {
  assertAdmin(actor);
  const rows = await db().caseMailTemplate.findMany();
  const base = { ...SAMPLE, portalLink: portalCaseLink(appUrl(), SAMPLE.number) };
  return CASE_MAIL_EVENTS.map((def) => {
    // The preview ends as the real email does: a Closed or Cancelled case's sends to a new case.
    const sample = finishesCase(def.event)
      ? {
          ...base,
          stateLabel: def.event === "closed" ? "Closed" : "Cancelled",
          finished: true,
          newCaseLink: portalNewCaseLink(appUrl()),
        }
      : base;
    const row = rows.find((r) => r.event === def.event);
    const t = { ...templateOrDefault(def.event, row ?? null), version: row?.version ?? 0 };
    return {
      event: def.event,
      label: def.label,
      when: def.when,
      placeholders: placeholdersOf(def.event),
      enabled: t.enabled,
      subject: t.subject,
      body: t.body,
      version: t.version,
      edited: !!row,
      sample,
    };
  });
}

/**
 * NOT-1: saves one case email (REC-6: `version` 0 means never saved); an unknown placeholder is
 * refused by name and nothing is written. Audited like a system property (REC-5).
 */
export async function saveCaseMailTemplate(actor: Actor, raw: CaseMailTemplateInput, outer?: Tx) {
  assertAdmin(actor);
  const input = parseOrThrow(caseMailTemplateSchema, raw);
  const version = input.version ?? 0;
  return inTransaction(outer, async (tx) => {
    const row = await tx.caseMailTemplate.findUnique({ where: { event: input.event } });
    if ((row?.version ?? 0) !== version) throw staleRecord("email");
    const before = templateOrDefault(input.event, row);
    const fields = ["enabled", "subject", "body"] as const;
    const changes = fields
      .filter((f) => before[f] !== input[f])
      .map((f) => ({
        field: `${input.event}.${f}`,
        oldValue: String(before[f]),
        newValue: String(input[f]),
      }));
    if (!changes.length) return { event: input.event, changed: false };
    const data = { enabled: input.enabled, subject: input.subject, body: input.body, updatedById: actor.id };
    if (row) {
      const { count } = await tx.caseMailTemplate.updateMany({
        where: { event: input.event, version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count !== 1) throw staleRecord("email");
    } else {
      await tx.caseMailTemplate.create({ data: { event: input.event, ...data } });
    }
    await writeAudit(tx, "case_mail_template", 0, changes, actor);
    return { event: input.event, changed: true };
  });
}
