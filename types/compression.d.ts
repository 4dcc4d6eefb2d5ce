// The `compression` package (Express's middleware) as scripts/ops/compress.mjs uses it, on plain
// node:http requests. @types/compression describes it in Express's types and brings those along.
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
