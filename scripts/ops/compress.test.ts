import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compress } from "./compress.mjs";

// A page-like body: markup repeated with variation, so that the levels compress it differently.
const page = Array.from(
  { length: 400 },
  (_, i) =>
    `<tr><td><a class="cf-link" href="/cases/CS${5_000_000 + i}">CS${5_000_000 + i}</a></td>` +
    `<td class="cf-fill">Printer ${(i * 7919) % 997} is slow for site ${i % 13}</td></tr>`,
).join("");

let server: http.Server;
let base: string;
/** Holds the streamed answer's end until the test has seen its first part. */
let releaseStream: () => void = () => {};

beforeAll(async () => {
  server = http.createServer((req, res) =>
    compress(req, res, () => {
      if (req.url?.startsWith("/stream")) {
        // A page (HTML) is held and compressed in one piece (one-write.mjs); other types stream.
        res.setHeader("Content-Type", req.url === "/stream/page" ? "text/html" : "text/plain");
        res.write(page);
        // Next flushes after each part of a streamed page; the part must leave at once.
        (res as http.ServerResponse & { flush?: () => void }).flush?.();
        void new Promise<void>((r) => (releaseStream = r)).then(() => res.end("<p>end</p>"));
        return;
      }
      res.setHeader("Content-Type", req.url?.endsWith(".js") ? "application/javascript" : "text/html");
      res.setHeader("X-Flush", typeof (res as { flush?: unknown }).flush);
      res.end(page);
    }),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise((r) => server.close(r));
});

function get(path: string, acceptEncoding?: string) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const headers = acceptEncoding ? { "accept-encoding": acceptEncoding } : undefined;
    http
      .get(base + path, { headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (b: Buffer) => parts.push(b));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
      })
      .on("error", reject);
  });
}

const brotli = (quality: number) =>
  zlib.brotliCompressSync(page, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality } });

describe("response compression of the production server (PERF-8)", () => {
  it("PERF-8: a page goes out as brotli at quality 1 to a client that accepts it", async () => {
    const { headers, body } = await get("/cases", "gzip, deflate, br");
    expect(headers["content-encoding"]).toBe("br");
    expect(headers.vary).toMatch(/Accept-Encoding/i);
    expect(zlib.brotliDecompressSync(body).toString()).toBe(page);
    expect(body.length).toBe(brotli(1).length);
    expect(brotli(1).length).not.toBe(brotli(4).length);
  });

  it("PERF-8: gzip at level 1 where brotli is not accepted", async () => {
    const { headers, body } = await get("/cases", "gzip");
    expect(headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(body).toString()).toBe(page);
    expect(body.length).toBe(zlib.gzipSync(page, { level: 1 }).length);
    expect(zlib.gzipSync(page, { level: 1 }).length).not.toBe(zlib.gzipSync(page, { level: 6 }).length);
  });

  it("PERF-8: the build's files keep the smaller defaults (brotli 4), browsers keep them a year", async () => {
    const { headers, body } = await get("/_next/static/chunks/a.js", "br");
    expect(headers["content-encoding"]).toBe("br");
    expect(body.length).toBe(brotli(4).length);
  });

  it("PERF-8: a client that asks for no encoding gets the page as it is, without the wrapper", async () => {
    const { headers, body } = await get("/cases");
    expect(headers["content-encoding"]).toBeUndefined();
    expect(headers["x-flush"]).toBe("undefined");
    // A cache in front must still tell this answer from a compressed one.
    expect(headers.vary).toMatch(/Accept-Encoding/i);
    expect(body.toString()).toBe(page);
    expect((await get("/cases", "identity")).headers["content-encoding"]).toBeUndefined();
  });

  it("PERF-8: a page's parts are compressed in one piece: nothing leaves before the page ends", async () => {
    let bytesBeforeEnd = -1;
    let released = false;
    const whole = new Promise<{ text: string; encoding?: string }>((resolve, reject) => {
      http
        .get(base + "/stream/page", { headers: { "accept-encoding": "br" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (b: Buffer) => {
            if (!released) bytesBeforeEnd = Math.max(bytesBeforeEnd, 0) + b.length;
            chunks.push(b);
          });
          res.on("end", () =>
            resolve({
              text: zlib.brotliDecompressSync(Buffer.concat(chunks)).toString(),
              encoding: res.headers["content-encoding"],
            }),
          );
        })
        .on("error", reject);
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(bytesBeforeEnd).toBe(-1); // no part of the body arrived while the page was unfinished
    released = true;
    releaseStream();
    const { text, encoding } = await whole;
    expect(text).toBe(page + "<p>end</p>");
    expect(encoding).toBe("br");
  });

  it("PERF-8: a streamed answer that is not a page has its flushed part sent before it ends", async () => {
    let encoding: string | undefined;
    const first = new Promise<string>((resolve, reject) => {
      http
        .get(base + "/stream/text", { headers: { "accept-encoding": "br" } }, (res) => {
          encoding = res.headers["content-encoding"];
          const inflate = zlib.createBrotliDecompress();
          let text = "";
          inflate.on("data", (b: Buffer) => {
            text += b.toString();
            if (text.length >= page.length) resolve(text);
          });
          res.pipe(inflate);
        })
        .on("error", reject);
    });
    // The page's end is held back: only a flushed first part can arrive in time.
    const late = new Promise<string>((r) => setTimeout(() => r("nothing within 3 s"), 3_000));
    expect(await Promise.race([first, late])).toBe(page);
    expect(encoding).toBe("br");
    releaseStream();
  });
});
