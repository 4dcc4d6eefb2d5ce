import "server-only";

/**
 * Reads a request body up to `limit` bytes and stops (cancelling the rest) as soon as more
 * arrives: a 20 MB upload costs at most limit + one chunk of memory. `truncated` says there was more.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<{ raw: Buffer; truncated: boolean }> {
  if (!body) return { raw: Buffer.alloc(0), truncated: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { raw: Buffer.concat(chunks).subarray(0, limit), truncated: true };
    }
  }
  return { raw: Buffer.concat(chunks), truncated: false };
}
