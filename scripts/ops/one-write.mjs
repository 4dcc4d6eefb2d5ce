// A compressed page in one piece (PERF-8). Next streams a page through its transform streams and
// writes each part as it comes: the HTML, the inline RSC data and the closing tags, each a chunk of
// its own, and it flushes the compressor after each (the `compression` package's `flush`), which
// costs more than compressing the page in one piece (docs/performance.md, findings 14 and 16). No
// page of this app streams anything worth sending early: it has no Suspense boundary on the server
// (and no loading.tsx), so a page's last part follows its first within a few turns of the event
// loop. So `compress` holds a page's parts here until Next ends the answer, then compresses and
// writes them in one piece (an `end` with the whole body: uncompressed, Node gives it a
// Content-Length).
// Only pages and RSC answers (HTML, text/x-component) are held, and only up to HOLD_LIMIT bytes:
// past it, what was held is written and the rest streams as before. Everything else — files,
// attachments, API answers, exports — streams untouched. Held without compression (a client that
// asks for no encoding), a page cost no less CPU side by side (+5.2%, 95% interval −0.0% to
// +10.4%): only compressed answers are held. Hand-written: no package does this for a plain `http`
// server; it wraps `write`, `end`, `flushHeaders` and `flush`.

/** @typedef {import("node:http").ServerResponse & { flush?: () => void }} Res */
/** @typedef {(error?: Error | null) => void} Callback */

/** Past this many bytes a page streams as Next writes it (a page here is ~60 KB). */
export const HOLD_LIMIT = 1024 * 1024;
const HELD_TYPES = /^(text\/html|text\/x-component)\b/i;

/** @param {string | Uint8Array} chunk @param {BufferEncoding | undefined} encoding */
const bytes = (chunk, encoding) =>
  typeof chunk === "string" ? Buffer.from(chunk, encoding ?? "utf8") : chunk;

/**
 * Wraps `res` so that a page's body is written once, when it ends.
 * @param {Res} res
 * @param {number} [limit]
 */
export function oneWrite(res, limit = HOLD_LIMIT) {
  const { write, end, flushHeaders } = res;
  // The `compression` package adds `flush`, which Next calls after each part: nothing to flush while
  // the parts are held.
  const flush = res.flush;
  /** @type {Uint8Array[]} */
  let held = [];
  let size = 0;
  /** @type {boolean | undefined} undefined until the first write, flush or end shows the type. */
  let holding;
  const decide = () => {
    if (holding === undefined)
      holding = !res.headersSent && HELD_TYPES.test(String(res.getHeader("content-type") ?? ""));
    return holding;
  };
  /** The response as it was, with what was held (and `last`) as one piece. */
  const release = (/** @type {Uint8Array[]} */ last = []) => {
    const body = Buffer.concat([...held, ...last]);
    held = [];
    holding = false;
    Object.assign(res, { write, end, flushHeaders }, flush ? { flush } : {});
    return body;
  };
  res.flushHeaders = () => {
    if (!decide()) flushHeaders.call(res);
  };
  if (flush)
    res.flush = () => {
      if (!decide()) flush.call(res);
    };
  /** @type {any} */ (res).write = (
    /** @type {string | Uint8Array} */ chunk,
    /** @type {BufferEncoding | Callback | undefined} */ encoding,
    /** @type {Callback | undefined} */ callback,
  ) => {
    const [enc, cb] = typeof encoding === "function" ? [undefined, encoding] : [encoding, callback];
    if (!decide()) return write.call(res, chunk, /** @type {BufferEncoding} */ (enc), cb);
    const buf = bytes(chunk, enc);
    held.push(buf);
    size += buf.length;
    // Too big to hold: what was held goes out now, the rest as it comes.
    if (size > limit) return write.call(res, release(), "utf8", cb);
    if (cb) process.nextTick(cb);
    return true;
  };
  /** @type {any} */ (res).end = (
    /** @type {string | Uint8Array | Callback | undefined} */ chunk,
    /** @type {BufferEncoding | Callback | undefined} */ encoding,
    /** @type {Callback | undefined} */ callback,
  ) => {
    if (typeof chunk === "function") [chunk, encoding, callback] = [undefined, undefined, chunk];
    else if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    if (!decide()) return end.call(res, chunk, /** @type {BufferEncoding} */ (encoding), callback);
    return end.call(
      res,
      release(chunk === undefined || chunk === null ? [] : [bytes(chunk, encoding)]),
      "utf8", // (ignored for bytes)
      callback,
    );
  };
}
