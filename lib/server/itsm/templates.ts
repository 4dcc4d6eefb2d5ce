import "server-only";
import { afterCommit, db, takeTurns, transaction, type Tx, isUniqueViolation } from "@/lib/db";
import { diffFields } from "@/lib/domain/audit/diff";
import { canAdminister, type Actor } from "@/lib/domain/auth/roles";
import { conflict, forbidden, notFound, staleRecord } from "@/lib/domain/errors";
import {
  TEMPLATE_TABLE,
  templateAddSchema,
  templateNameKey,
  templateUpdateSchema,
  type TemplateAddInput,
  type TemplateUpdateInput,
} from "@/lib/domain/itsm/changes/templates";
import { parseOrThrow } from "@/lib/domain/validation";
import { auditCreation, writeAudit } from "../audit/write";
import { LOCK } from "../locks";
import { forgetTemplateOptions } from "../lookup/choices";

export { TEMPLATE_TABLE };

function assertAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators can edit standard change templates.");
}

// The name is unique (an agent picks the template by it) in any letter case or spacing: saves take
// turns (PostgreSQL; SQLite has one writer) and each compares the others' names. The unique key on
// the exact name stays the last word, answering after the transaction has rolled back.
const nameTaken = (name: string) =>
  conflict(`A template named "${name}" already exists: give this one another name.`, "name");

async function assertNameFree(tx: Tx, name: string, self?: number) {
  await takeTurns(tx, LOCK.changeTemplates);
  const key = templateNameKey(name);
  const others = await tx.standardChangeTemplate.findMany({
    where: self === undefined ? {} : { id: { not: self } },
    select: { name: true },
  });
  const clash = others.find((o) => templateNameKey(o.name) === key);
  if (clash) throw nameTaken(clash.name);
}

async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(name);
    throw e;
  }
}

/** ITSM-1: every template, by name, with how many changes were made from it. */
export async function listTemplates(actor: Actor) {
  assertAdmin(actor);
  return db().standardChangeTemplate.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      shortDescription: true,
      description: true,
      impact: true,
      urgency: true,
      priority: true,
      approved: true,
      active: true,
      version: true,
      _count: { select: { changes: true } },
    },
  });
}

/** ITSM-1: a new template (audited); approved, it is offered by Create Standard Change at once. */
export async function addTemplate(actor: Actor, raw: TemplateAddInput) {
  assertAdmin(actor);
  const input = parseOrThrow(templateAddSchema, raw);
  return uniqueName(input.name, () =>
    transaction(async (tx) => {
      await assertNameFree(tx, input.name);
      const created = await tx.standardChangeTemplate.create({ data: input });
      await auditCreation(tx, TEMPLATE_TABLE, created, actor);
      afterCommit(tx, forgetTemplateOptions);
      return { id: created.id, name: created.name };
    }),
  );
}

/**
 * ITSM-1, REC-6: a changed template; a stale version is refused. Changes made from it before keep
 * what they were given; an unapproved or inactive template is no longer offered (nor accepted).
 */
export async function updateTemplate(actor: Actor, raw: TemplateUpdateInput) {
  assertAdmin(actor);
  const { id, version, ...input } = parseOrThrow(templateUpdateSchema, raw);
  return uniqueName(input.name, () =>
    transaction(async (tx) => {
      const current = await tx.standardChangeTemplate.findUnique({ where: { id } });
      if (!current) throw notFound("That template");
      if (current.version !== version) throw staleRecord("template");
      const changes = diffFields(current, input); // in the form's order (the schema's)
      if (!changes.length) return { id, changed: false };
      if (changes.some((c) => c.field === "name")) await assertNameFree(tx, input.name, id);
      const { count } = await tx.standardChangeTemplate.updateMany({
        where: { id, version },
        data: { ...input, version: { increment: 1 } },
      });
      if (count !== 1) throw staleRecord("template");
      await writeAudit(tx, TEMPLATE_TABLE, id, changes, actor);
      afterCommit(tx, forgetTemplateOptions);
      return { id, changed: true };
    }),
  );
}
