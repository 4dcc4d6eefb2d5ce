import "server-only";
import { DomainError, invalid } from "@/lib/domain/errors";
import { loneSurrogateAt, loneSurrogateMessage } from "@/lib/domain/unicode";

/** A body past its limit: a 413 where a route answers with HTTP statuses. */
export class BodyTooLargeError extends DomainError {}

/**
 * A request body's bytes, read while it streams and refused with `tooLarge()` past `maxBytes`
 * (REL-8: never buffered whole first — at most `maxBytes` plus one chunk is held).
 */
export async function readBodyBytes(
  request: Request,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("content-length")) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader!.cancel();
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) bytes.set(c, (at += c.byteLength) - c.byteLength);
  return bytes;
}

/**
 * A request body as UTF-8 text, read while it streams and refused past `maxBytes` (REL-8: never
 * buffered whole first) or when it is not UTF-8. The refusals are DomainErrors naming "file".
 */
export async function readTextBody(request: Request, maxBytes: number, what = "The file"): Promise<string> {
  const tooLarge = () =>
    new BodyTooLargeError(
      "invalid",
      `${what} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`,
      "file",
    );
  const bytes = await readBodyBytes(request, maxBytes, tooLarge);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError(
      "invalid",
      `${what} is not UTF-8 text; save it as "CSV UTF-8" and try again.`,
      "file",
    );
  }
}

/**
 * A JSON request body (`{}` when empty), read while it streams and refused past `maxBytes` with a
 * BodyTooLargeError naming "body" (REL-8: a 60 MB body is never buffered whole first); not
 * UTF-8, not JSON or holding a lone UTF-16 surrogate (`"\ud800"`), it is a field error naming
 * "body" or the field (REL-1: the database would answer those with a 500).
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const limit = `${Math.round(maxBytes / 1024 / 1024)} MB`;
  const tooLarge = () =>
    new BodyTooLargeError("invalid", `The request body is larger than ${limit}.`, "body");
  const bytes = await readBodyBytes(request, maxBytes, tooLarge);
  let value: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    value = JSON.parse(text || "{}");
  } catch {
    throw invalid("body", "The request body is not valid JSON in UTF-8.");
  }
  const at = loneSurrogateAt(value);
  if (at !== null) throw invalid(at || "body", loneSurrogateMessage(at));
  return value;
}
