import "server-only";
import { readCaseCreatedConfiguration, runCaseCreatedFollowUps } from "../follow-ups/case";
import { db, type Tx, inTransaction } from "@/lib/db";
import { type Actor } from "@/lib/domain/auth/roles";
import { invalid } from "@/lib/domain/errors";
import { portalNewCaseSchema, type PortalNewCaseInput } from "@/lib/domain/portal/schemas";
import { CaseState } from "@/lib/domain/records/choices";
import { TABLE } from "@/lib/domain/records/tables";
import { ownCasePartner, requireExternalScope } from "@/lib/domain/scope/external";
import { parseOrThrow } from "@/lib/domain/validation";
import { auditCreation } from "../audit/write";
import { nextNumber } from "../records/numbers";
import { createCaseOnce } from "../case-store/create-once";

/** The assets a New case may name: those of the user's account (a consumer has none). */
const MAX_ASSETS = 500;

/** The account a contact's new case belongs to; a consumer's case has none. */
const accountOf = (actor: Actor) => (actor.kind === "contact" ? actor.accountId : null);

/** POR-1: the Asset choices of the New case form. */
export async function portalAssets(actor: Actor | null | undefined) {
  requireExternalScope(actor);
  const accountId = accountOf(actor!);
  if (accountId === null) return [];
  return db().asset.findMany({
    where: { accountId },
    select: { id: true, number: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MAX_ASSETS,
  });
}

/** Another account's asset answers exactly like one that does not exist (ROLE-3). */
async function checkAsset(tx: Tx, assetId: number | null | undefined, accountId: number | null) {
  if (!assetId) return null;
  const asset = await tx.asset.findUnique({ where: { id: assetId }, select: { accountId: true } });
  if (!asset || accountId === null || asset.accountId !== accountId)
    throw invalid("assetId", "Asset: no such asset of your account.");
  return assetId;
}

/**
 * POR-1 New case: the customer's own case on their account — channel web, the user as contact (a
 * consumer as consumer); a partner's case is on their own account with them as contact. New,
 * audited as created by the user.
 */
export async function createPortalCase(actor: Actor | null | undefined, raw: PortalNewCaseInput, outer?: Tx) {
  requireExternalScope(actor);
  const user = actor!;
  const input = parseOrThrow(portalNewCaseSchema, raw);
  const accountId = accountOf(user);
  const consumer = user.kind === "consumer";
  return createCaseOnce(input.requestKey, user.id, () =>
    inTransaction(outer, async (tx) => {
      const assetId = await checkAsset(tx, input.assetId, accountId);
      await readCaseCreatedConfiguration(tx); // before the number's lock (REC-1)
      const number = await nextNumber(tx, "case");
      const created = await tx.case.create({
        data: {
          number,
          shortDescription: input.shortDescription,
          description: input.description,
          state: CaseState.New,
          channel: "web",
          accountId,
          contactId: consumer ? null : user.id,
          consumerId: consumer ? user.id : null,
          ...ownCasePartner(user), // a partner keeps seeing the case they opened (ROLE-3)
          assetId,
          openedById: user.id,
          requestKey: input.requestKey,
        },
      });
      await auditCreation(tx, TABLE.case, created, user);
      await runCaseCreatedFollowUps({ tx, actor: user, after: created }); // NOT-1: the acknowledgement
      return { number };
    }),
  );
}
