// REL-8 / REL-1 on the Table API: JSON holding a lone UTF-16 surrogate is a 400 naming the field
// (the database engine would answer a 500), and a body is limited while it streams — a 60 MB body
// is refused once 1 MB has arrived, with a 413 naming the body, not after buffering it whole.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sysIdOf } from "@/lib/domain/api/sys-id";
import * as route from "@/app/api/now/[...path]/route";
import { api, errorMessage, tokenOf } from "@/lib/testing/api";
import { makeAgent, makeCase, makeItil } from "@/lib/testing/fixtures";

const CHUNK = 64 * 1024;

/** A body of `total` bytes made while it is read, counting what the server pulled. */
function countedBody(total: number, byte = 0x61) {
  const state = { pulled: 0 };
  const chunk = new Uint8Array(CHUNK).fill(byte);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += CHUNK;
      controller.enqueue(chunk);
    },
  });
  return { stream, state };
}

async function post(path: string, token: string, body: ReadableStream<Uint8Array>, headers = {}) {
  const request = new NextRequest(new URL(path, "http://caseflow.test"), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  });
  const segments = path.replace(/^\/api\/now\//, "").split("/");
  const response = await route.POST(request, { params: Promise.resolve({ path: segments }) });
  return {
    status: response.status,
    json: (await response.json()) as { error: { message: string; detail: string } },
  };
}

describe("Table API bodies (REL-8)", () => {
  it("REL-8: a lone surrogate in a POST or PATCH value or key is a 400 naming the field; nothing is written", async () => {
    const itil = await makeItil();
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const incidents = await db().incident.count();
    const created = await api("POST", "/api/now/table/incident", {
      as: itil,
      body: '{"short_description":"Disk \\ud800 full"}',
    });
    expect(created.status).toBe(400);
    expect(errorMessage(created)).toMatch(/^short_description holds a lone UTF-16 surrogate/);
    expect((created.json.error as { detail: string }).detail).toMatch(/^short_description: /);
    expect(await db().incident.count()).toBe(incidents);

    const journal = await db().journalEntry.count();
    const path = `/api/now/table/sn_customerservice_case/${sysIdOf("sn_customerservice_case", c.id)}`;
    for (const [body, field] of [
      ['{"work_notes":"note \\udfff"}', "work_notes"],
      ['{"short_description":"fine","description":["\\ud83d\\ude00","\\ud83d"]}', "description[1]"],
      ['{"short_description\\ud800":"x"}', "short_description\uFFFD"],
    ]) {
      const patched = await api("PATCH", path, { as: agent, body });
      expect(patched.status, body).toBe(400);
      expect(errorMessage(patched), body).toMatch(new RegExp(`^${field.replace(/[[\]]/g, "\\$&")} holds`));
    }
    expect(await db().journalEntry.count()).toBe(journal);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).shortDescription).toBe(
      c.shortDescription,
    );
    // A well-formed pair (an emoji) is text like any other.
    const fine = await api("PATCH", path, {
      as: agent,
      body: '{"short_description":"Smile \\ud83d\\ude00"}',
    });
    expect(fine.status).toBe(200);
  });

  it("REL-8: a 60 MB body is refused with 413 once past 1 MB, without being read whole", async () => {
    const itil = await makeItil();
    const token = await tokenOf(itil);
    const incidents = await db().incident.count();
    const { stream, state } = countedBody(60 * 1024 * 1024);
    const answer = await post("/api/now/table/incident", token, stream);
    expect(answer.status).toBe(413);
    expect(answer.json.error.message).toBe("The request body is larger than 1 MB.");
    expect(answer.json.error.detail).toBe("Field: body");
    expect(state.pulled).toBeLessThan(2 * 1024 * 1024);
    // A declared length past the limit is refused before a byte is read.
    const declared = countedBody(60 * 1024 * 1024);
    const early = await post("/api/now/table/incident", token, declared.stream, {
      "content-length": String(60 * 1024 * 1024),
    });
    expect(early.status).toBe(413);
    expect(declared.state.pulled).toBeLessThanOrEqual(CHUNK);
    expect(await db().incident.count()).toBe(incidents);
  });

  it("REL-1: a body that is not UTF-8 or not JSON is a 400 naming the body", async () => {
    const itil = await makeItil();
    const token = await tokenOf(itil);
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"short_description":"'),
      0xed,
      0xa0,
      0x80,
      0x22,
      0x7d,
    ]);
    const notUtf8 = await post("/api/now/table/incident", token, new Response(bytes).body!);
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.json.error).toEqual({
      message: "The request body is not valid JSON in UTF-8.",
      detail: "body: The request body is not valid JSON in UTF-8.",
    });
    const notJson = await api("POST", "/api/now/table/incident", { as: itil, body: "{short_description" });
    expect(notJson.status).toBe(400);
  });
});

describe("control characters on the Table API (REL-1, REL-8)", () => {
  it("REL-8: U+0000 in Basic credentials, sysparm_query or a display-value reference is a 4xx naming it, never a 500", async () => {
    const basic = `Basic ${Buffer.from("a\u0000@x.example:pw").toString("base64")}`;
    const anonymous = await api("GET", "/api/now/table/incident", { authorization: basic });
    expect(anonymous.status).toBe(401);

    const itil = await makeItil();
    for (const q of ["short_descriptionLIKEa%00b", "number=CS%00"]) {
      const read = await api("GET", `/api/now/table/incident?sysparm_query=${q}`, { as: itil });
      expect(read.status).toBe(400);
      expect(errorMessage(read)).toBe(
        "sysparm_query contains a control character (U+0000); remove it and try again.",
      );
    }

    const agent = await makeAgent();
    const cases = await db().case.count();
    const created = await api(
      "POST",
      "/api/now/table/sn_customerservice_case?sysparm_input_display_value=true",
      {
        as: agent,
        body: { short_description: "Display value", account: "Acme\u0000" },
      },
    );
    expect(created.status).toBe(400);
    expect(errorMessage(created)).toBe(
      "account contains a control character (U+0000); remove it and try again.",
    );
    expect(await db().case.count()).toBe(cases);
  });
});
