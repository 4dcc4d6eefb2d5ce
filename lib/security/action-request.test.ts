import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, FORM_TOO_LARGE_MESSAGE } from "@/lib/domain/request-limits";
import { refuseBadActionPost } from "./action-request";

const HOST = "caseflow.example:3000";
const ACTION_ID = "7f0000000000000000000000000000000000000000";

function post(body: BodyInit, headers: Record<string, string> = {}) {
  const request = new Request(`http://${HOST}/cases/CS0001001`, {
    method: "POST",
    body,
    headers: { host: HOST, origin: `http://${HOST}`, "next-action": ACTION_ID, ...headers },
  });
  // Request computes no Content-Length itself; browsers send it.
  if (!("content-length" in headers) && typeof body === "string")
    request.headers.set("content-length", String(Buffer.byteLength(body)));
  return request;
}

async function multipart(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const encoded = new Response(form);
  const bytes = await encoded.arrayBuffer();
  return post(bytes, {
    "content-type": encoded.headers.get("content-type")!,
    "content-length": String(bytes.byteLength),
    ...headers,
  });
}

const statusOf = async (r: Request) => (await refuseBadActionPost(r))?.status ?? "passed";

describe("server action requests Next would answer with a 500 (REL-1)", () => {
  it("REL-1: well-formed action calls pass (multipart and text bodies)", async () => {
    expect(await statusOf(await multipart({ "0": '["$K1"]', "1_workNotes": "hello" }))).toBe("passed");
    expect(await statusOf(post('["CS0001001"]', { "content-type": "text/plain;charset=UTF-8" }))).toBe(
      "passed",
    );
    expect(await statusOf(new Request(`http://${HOST}/cases`, { method: "GET" }))).toBe("passed");
  });

  it("REL-1: a body over the limit is refused by its declared length with 413 and a clear text", async () => {
    const refusal = await refuseBadActionPost(
      post("x", { "content-length": String(ACTION_BODY_LIMIT_BYTES + 1), "content-type": "text/plain" }),
    );
    expect(refusal?.status).toBe(413);
    expect(refusal?.headers.get("content-type")).toBe("text/plain");
    expect(await refusal?.text()).toBe(FORM_TOO_LARGE_MESSAGE);
  });

  it("REL-1: garbage bodies, missing lengths and foreign origins get a 4xx", async () => {
    expect(await statusOf(post("garbage", { "content-type": "text/plain" }))).toBe(400);
    expect(await statusOf(post("{", { "content-type": "text/plain" }))).toBe(400);
    expect(await statusOf(await multipart({ "0": "not json" }))).toBe(400);
    expect(await statusOf(await multipart({ "1_workNotes": "no root" }))).toBe(400);
    expect(
      await statusOf(post("--x\r\ngarbage", { "content-type": "multipart/form-data; boundary=x" })),
    ).toBe(400);
    const chunked = new Request(`http://${HOST}/cases`, {
      method: "POST",
      body: "[]",
      headers: { host: HOST, "next-action": ACTION_ID, "content-type": "text/plain" },
    });
    expect(await statusOf(chunked)).toBe(411);
    expect(await statusOf(post("[]", { origin: "https://evil.example" }))).toBe(403);
    expect(await statusOf(post("[]", { origin: "null" }))).toBe(403);
  });

  it("REL-1: reply markers no Caseflow form sends, deep nesting and too many arguments get a 400", async () => {
    const text = (body: string) => post(body, { "content-type": "text/plain;charset=UTF-8" });
    for (const body of [
      '["$Q1"]',
      '["$h1"]',
      '["$B1"]',
      '["$i1"]',
      '["$n1e9"]',
      '["$@1"]',
      '["$1"]',
      '["$T"]',
    ])
      expect(await statusOf(text(body)), body).toBe(400);
    expect(await statusOf(text(`[${"[".repeat(40)}${"]".repeat(40)}]`))).toBe(400);
    expect(await statusOf(text(`[${Array(101).fill(1).join(",")}]`))).toBe(400);
    expect(await statusOf(text('"CS0001001"'))).toBe(400);
    expect(await statusOf(await multipart({ "0": '["$K1"]', "2": '{"m":"$Q3"}' }))).toBe(400);
    for (const body of [
      '["$$literal", "$undefined", "$D2026-01-01T00:00:00.000Z", "$-0", "$NaN"]',
      '[{"a":[1,{"b":null}]}]',
    ])
      expect(await statusOf(text(body)), body).toBe("passed");
  });

  it("REL-1: forms posted without JavaScript: plain rows and references to present rows pass; others get a 400", async () => {
    const noScript = (fields: Record<string, string>) => multipart(fields, { "next-action": "" });
    const mpa = async (fields: Record<string, string>) => {
      const r = await noScript(fields);
      r.headers.delete("next-action");
      return statusOf(r);
    };
    const id = ACTION_ID;
    expect(await mpa({ [`$ACTION_ID_${id}`]: "", email: "a@b.c" })).toBe("passed");
    expect(await mpa({ $ACTION_REF_1: "", "$ACTION_1:0": `{"id":"${id}","bound":null}` })).toBe("passed");
    expect(
      await mpa({
        $ACTION_REF_1: "",
        "$ACTION_1:0": `{"id":"${id}","bound":"$@1"}`,
        "$ACTION_1:1": '["CS1"]',
      }),
    ).toBe("passed");
    for (const bound of ['"$Q1"', '"$@9"', '["$h1"]'])
      expect(await mpa({ $ACTION_REF_1: "", "$ACTION_1:0": `{"id":"${id}","bound":${bound}}` }), bound).toBe(
        400,
      );
    expect(await mpa({ $ACTION_REF_1: "", "$ACTION_1:0": "garbage" })).toBe(400);
  });

  it("REL-8: a lone UTF-16 surrogate in any JSON row is a 400 saying so; a pair (an emoji) passes", async () => {
    const text = (body: string) => post(body, { "content-type": "text/plain;charset=UTF-8" });
    for (const body of ['["CS0001001\\ud800"]', '[null,{"k\\udc00":1}]', '[["a","\\udbff"]]']) {
      const refusal = await refuseBadActionPost(text(body));
      expect(refusal?.status, body).toBe(400);
      expect(await refusal?.text(), body).toMatch(/^The form holds text that is not valid Unicode/);
    }
    expect(await statusOf(await multipart({ "0": '["$K1"]', "2": '{"m":"\\ud800"}' }))).toBe(400);
    const mpa = await multipart({
      $ACTION_REF_1: "",
      "$ACTION_1:0": `{"id":"${ACTION_ID}","bound":["\\ud800"]}`,
    });
    mpa.headers.delete("next-action");
    expect(await statusOf(mpa)).toBe(400);
    expect(await statusOf(text('["smile \\ud83d\\ude00"]'))).toBe("passed");
    // Form fields are UTF-8 bytes: the escape is six characters of text there, not a surrogate.
    expect(await statusOf(await multipart({ "0": '["$K1"]', "1_workNotes": "\\ud800" }))).toBe("passed");
  });
});
