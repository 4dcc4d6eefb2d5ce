import { DomainError } from "@/lib/domain/errors";

/** The DomainError `fn` throws; fails the test when it throws nothing or something else. */
export function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}
