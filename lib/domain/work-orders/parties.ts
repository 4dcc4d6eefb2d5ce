// FSM-2: on a work order, setting Account also sets Company, and setting Contact also sets Caller.
// Applied by the server to every write (creation, the form, FSM-4 copies), not only by the form.

type Id = number | null | undefined;

/**
 * The parties a record's save checks to exist and fit together (checkCaseReferences): a work
 * order's, and a case's beside its assignment (lib/server/cases/write.ts).
 */
export const PARTY_FIELDS = [
  "accountId",
  "contactId",
  "consumerId",
  "assetId",
  "partnerId",
  "partnerContactId",
] as const;
type Parties = { accountId?: Id; contactId?: Id; companyId?: Id; callerId?: Id } | Record<string, unknown>;
const get = (p: Parties, k: string) => (p as Record<string, unknown>)[k];

/**
 * The patch with Company and Caller following Account and Contact wherever those are set to a
 * new value; `current` is the stored order, null when creating. Account and Contact win over a
 * Company or Caller in the same patch (the field maps cannot target those two at all).
 */
export function withDerivedParties<P extends Parties>(current: Parties | null, patch: P): P {
  const out: Record<string, unknown> = { ...patch };
  const follow = (from: string, to: string) => {
    const value = get(patch, from);
    const setsNew = value !== undefined && (current === null || value !== get(current, from));
    if (setsNew) out[to] = value;
  };
  follow("accountId", "companyId");
  follow("contactId", "callerId");
  return out as P;
}
