const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * A fresh key for one submission (idempotency: a double click or a retry sends the same key and is
 * done once): 32 lowercase hex digits. From `crypto.randomUUID` where there is one (Node, and
 * browsers on HTTPS or localhost): 122 random bits, drawn from a buffered pool. Elsewhere (a
 * plain-HTTP intranet host has no randomUUID) from 128 bits of `getRandomValues`. PERF-8: the server
 * renders two keys a case page, and `getRandomValues` cost ~0.5% of the page's CPU there (a
 * WebCrypto call and a kernel read each).
 */
export const newRequestKey = (): string =>
  typeof crypto.randomUUID === "function"
    ? crypto.randomUUID().replaceAll("-", "")
    : hex(crypto.getRandomValues(new Uint8Array(16)));
