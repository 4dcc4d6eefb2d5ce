/**
 * A fresh key for one submission (idempotency: a double click or a retry sends the same key and is
 * done once). 128 random bits as hex: crypto.randomUUID needs a secure context (HTTPS or
 * localhost) and would throw on a plain-HTTP intranet host; getRandomValues works everywhere.
 */
export const newRequestKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
