// compression 1.8.2 ships no types, and @types/compression describes it in Express's types and
// brings those along: the part of its API that scripts/ops/compress.mjs uses, on node:http.
declare module "compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  import type { BrotliOptions, ZlibOptions } from "node:zlib";

  type Options = ZlibOptions & {
    brotli?: BrotliOptions;
    threshold?: number | string;
    filter?: (req: IncomingMessage, res: ServerResponse) => boolean;
  };
  export default function compression(
    options?: Options,
  ): (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}
