// REL-5: sign-in throttling. Every attempt is counted BEFORE its password is checked, atomically
// per key (lib/server/auth/throttle-store.ts), so parallel attempts cannot all slip through on
// one stale read. The first `free` attempts in a window are checked; the attempt that reaches
// the allowance starts a block, and every attempt during a block is refused unchecked and
// extends it, doubling, capped. After a block has passed, one more attempt is checked.
export type ThrottleState = { failures: number; windowStart: Date; blockedUntil: Date | null };

export const THROTTLE = {
  windowMs: 15 * 60_000,
  /** Per account (email). */
  freeFailures: 5,
  /**
   * REL-8: per client address, across every account — what slows a spray of one password over many
   * accounts (24 from one address went through at the old 50). A right password gives its attempt
   * back, so an office behind one address pays only for its failures; 20 leaves room for a few
   * people's typos in a window while a spray waits, doubling, from the 20th failure.
   */
  addressFreeFailures: 20,
  firstBlockMs: 30_000,
  maxBlockMs: 15 * 60_000,
} as const;

/** Milliseconds the caller must still wait, or 0. */
export function waitFor(state: Pick<ThrottleState, "blockedUntil"> | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, state.blockedUntil.getTime() - now.getTime());
}

/** A window starts afresh when it is older than `windowMs` and no block is running. */
export function windowExpired(state: ThrottleState, now: Date): boolean {
  return now.getTime() - state.windowStart.getTime() > THROTTLE.windowMs && waitFor(state, now) === 0;
}

/** How long the block after attempt `n` lasts: 30 s at the allowance, doubling, capped. */
export function blockMs(n: number, free: number = THROTTLE.freeFailures): number {
  const over = Math.max(0, n - free);
  return Math.min(THROTTLE.firstBlockMs * 2 ** Math.min(over, 30), THROTTLE.maxBlockMs);
}

export type AttemptDecision =
  /** Check the password. `blockedUntil` is set when this attempt uses up the allowance. */
  | { check: true; blockedUntil: Date | null }
  /** Refuse without checking; the block now lasts until `blockedUntil`. */
  | { check: false; blockedUntil: Date };

/**
 * What to do with an attempt, given the key's row right after counting it: `counted.failures`
 * is this attempt's number n in the window, `counted.blockedUntil` the block as it stood.
 */
export function decideAttempt(
  counted: Pick<ThrottleState, "failures" | "blockedUntil">,
  now: Date,
  free: number = THROTTLE.freeFailures,
): AttemptDecision {
  const n = counted.failures;
  const until = new Date(now.getTime() + blockMs(n, free));
  if (waitFor(counted, now) > 0) {
    const current = counted.blockedUntil!;
    return { check: false, blockedUntil: until > current ? until : current };
  }
  return { check: true, blockedUntil: n >= free ? until : null };
}
