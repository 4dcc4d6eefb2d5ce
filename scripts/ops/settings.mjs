// The settings a start reads once and a typo in which would quietly turn a feature off, checked
// before a worker starts: each refusal names the variable and what it takes.
// - TRUST_PROXY: "1" behind a reverse proxy, "0" or unset without. "true" or "yes" read as unset:
//   every client then had the proxy's address, and 20 failed sign-ins anywhere blocked everyone's.
// - APP_URL: an http(s) address. "support.example.com" made every invitation and reset link broken.
// - MAIL_FROM: not empty when set ("" sent mail with no sender).

/**
 * The problems of `env`'s settings, as messages (none: the start goes on).
 * @param {Record<string, string | undefined>} [env]
 * @returns {string[]}
 */
export function settingProblems(env = process.env) {
  const problems = [];
  const proxy = env.TRUST_PROXY;
  if (proxy !== undefined && proxy !== "" && proxy !== "0" && proxy !== "1")
    problems.push(`TRUST_PROXY must be 1 (behind a reverse proxy) or 0 (it is "${proxy}").`);
  const url = env.APP_URL?.trim();
  if (url && !isWebAddress(url))
    problems.push(`APP_URL must be the address people use, with http:// or https:// (it is "${url}").`);
  if (env.MAIL_FROM !== undefined && !env.MAIL_FROM.trim())
    problems.push(
      'MAIL_FROM is empty: set the sender of outgoing email, e.g. "Support <support@example.com>".',
    );
  return problems;
}

/** @param {string} text */
function isWebAddress(text) {
  try {
    const u = new URL(text);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}
