// OPS-1: the primary starts another worker when one exits. A worker that dies while starting (a bad
// setting, a database it cannot reach) would die again at once: re-forked straight away, it loaded
// Next in a tight loop, every core busy and the log flooded. Quick deaths in a row wait longer each
// time, doubling from half a second to 30 s; a worker that lived a while resets the wait.

/**
 * A function of how long the exited worker lived (ms) that answers how long to wait before the next
 * fork (ms).
 * @param {{ minLifeMs?: number, firstDelayMs?: number, maxDelayMs?: number }} [o]
 */
export function respawnDelays({ minLifeMs = 10_000, firstDelayMs = 500, maxDelayMs = 30_000 } = {}) {
  let quick = 0;
  let lastQuickAt = -Infinity;
  /**
   * @param {number} livedMs
   * @param {number} [now] when it exited: quick deaths long apart (days, on a healthy cluster) are no run
   */
  return (livedMs, now = Date.now()) => {
    if (now - lastQuickAt > 2 * maxDelayMs + minLifeMs) quick = 0;
    if (livedMs < minLifeMs) {
      quick++;
      lastQuickAt = now;
    } else quick = 0;
    return quick ? Math.min(maxDelayMs, firstDelayMs * 2 ** (quick - 1)) : 0;
  };
}
