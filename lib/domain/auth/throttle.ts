// REL-5: sign-in throttling. Failures within a window slow further attempts down, doubling.
export type ThrottleState = { failures: number; windowStart: Date; blockedUntil: Date | null };

export const THROTTLE = {
  windowMs: 15 * 60_000,
  freeFailures: 5,
  firstBlockMs: 30_000,
  maxBlockMs: 15 * 60_000,
} as const;

/** Milliseconds the caller must still wait, or 0. */
export function waitFor(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, state.blockedUntil.getTime() - now.getTime());
}

export function afterFailure(state: ThrottleState | null, now: Date, freeFailures: number = THROTTLE.freeFailures): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStart.getTime() > THROTTLE.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStart = fresh ? now : state.windowStart;
  if (failures < freeFailures) return { failures, windowStart, blockedUntil: null };
  const ms = Math.min(THROTTLE.firstBlockMs * 2 ** (failures - freeFailures), THROTTLE.maxBlockMs);
  return { failures, windowStart, blockedUntil: new Date(now.getTime() + ms) };
}
