// Expected errors of the domain. Anything thrown that is not a DomainError is unexpected:
// it is logged and the person sees a generic message (lib/server/errors.ts).
/** "confirm": nothing was saved because the person must confirm a consequence first (MAJ-5). */
export type DomainErrorKind =
  "invalid" | "conflict" | "not_found" | "forbidden" | "unauthenticated" | "confirm";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** The form field the message is about, when there is one. */
    readonly field?: string,
    /** Every field with a problem, when there are several (form validation). */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const invalid = (field: string | undefined, message: string) =>
  new DomainError("invalid", message, field);
export const invalidFields = (fields: Record<string, string>) => {
  const [first] = Object.entries(fields);
  return new DomainError("invalid", first ? first[1] : "Check the highlighted fields.", first?.[0], fields);
};
export const conflict = (message: string, field?: string) => new DomainError("conflict", message, field);
export const notFound = (what: string) => new DomainError("not_found", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do that.") =>
  new DomainError("forbidden", message);
export const unauthenticated = () =>
  new DomainError("unauthenticated", "Your session has ended. Sign in again.");

export const staleRecord = (what: string) =>
  conflict(
    `This ${what} was changed by someone else after you opened it. ` +
      "Nothing was saved — reload to see the latest version, then make your change again.",
    "version",
  );

export const confirmFirst = (message: string) => new DomainError("confirm", message);
