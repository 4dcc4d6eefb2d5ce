// PRO-5: the SMTP listener hands each message to the app's inbound route with its secret, takes
// mail only for the inbound domain, and refuses more than 10 MB at SMTP level.
import http from "node:http";
import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INBOUND_MAX_BYTES } from "@/lib/domain/email/inbound";
import {
  ENVELOPE_HEADER as ROUTE_ENVELOPE,
  INTERNAL_HEADER as ROUTE_HEADER,
} from "@/lib/server/inbound-mail/internal";
import { ENVELOPE_HEADER, INTERNAL_HEADER, SMTP_MAX_BYTES, startInboundSmtp } from "./inbound-smtp.mjs";

const received: { secret: string | undefined; envelope: string | undefined; body: string }[] = [];
let app: http.Server;
let smtp: ReturnType<typeof startInboundSmtp>;
const SMTP_PORT = 40_000 + (process.pid % 20_000);

beforeAll(async () => {
  app = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      received.push({
        secret: req.headers[INTERNAL_HEADER] as string,
        envelope: req.headers[ENVELOPE_HEADER] as string,
        body: body.toString("utf8"),
      });
      res.writeHead(body.length > SMTP_MAX_BYTES ? 413 : 200).end("{}");
    });
  });
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
  const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  smtp = startInboundSmtp({
    port: SMTP_PORT,
    appUrl,
    secret: "s".repeat(40),
    domain: "in.example",
    host: "127.0.0.1",
  });
  await new Promise((r) => setTimeout(r, 100));
});
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
  await new Promise((r) => app.close(r));
});

const transport = () =>
  nodemailer.createTransport({ host: "127.0.0.1", port: SMTP_PORT, secure: false, ignoreTLS: true });

describe("inbound SMTP listener (PRO-5)", () => {
  it("PRO-5: the limits and the header agree with the app's", () => {
    expect(SMTP_MAX_BYTES).toBe(INBOUND_MAX_BYTES);
    expect(INTERNAL_HEADER).toBe(ROUTE_HEADER);
    expect(ENVELOPE_HEADER).toBe(ROUTE_ENVELOPE);
  });

  it("PRO-5: a listener whose port is taken says so (the server stops), rather than seeming to listen", async () => {
    const failed = await new Promise<Error>((resolve, reject) => {
      const second = startInboundSmtp({
        port: SMTP_PORT,
        appUrl: "http://127.0.0.1:1",
        secret: "s".repeat(40),
        host: "127.0.0.1",
        onListening: () => second.close(() => reject(new Error("listened on a taken port"))),
        onCannotListen: resolve,
      });
    });
    expect(failed).toMatchObject({ code: "EADDRINUSE" });
  });

  it("PRO-5: a message for the inbound domain reaches the route with the secret", async () => {
    await transport().sendMail({
      from: "pat@acme.example",
      to: "reply+x@IN.example",
      subject: "Hi",
      text: "hello",
    });
    expect(received.at(-1)).toMatchObject({ secret: "s".repeat(40) });
    expect(received.at(-1)!.body).toMatch(/Subject: Hi[\s\S]*hello/);
  });

  it("NOT-3: a Bcc to support reaches the route naming the envelope's recipients beside the unchanged message", async () => {
    await transport().sendMail({
      from: "pat@acme.example",
      to: "colleague@acme.example",
      bcc: "support@in.example",
      subject: "Printer",
      text: "broken",
      envelope: { from: "pat@acme.example", to: ["support@in.example", "reply+t@in.example"] },
    });
    const last = received.at(-1)!;
    expect(last.envelope).toBe("support@in.example,reply+t@in.example");
    expect(last.body).toContain("To: colleague@acme.example");
    expect(last.body).not.toContain("support@in.example");
  });

  it("REL-6: another domain is refused at RCPT TO; over 10 MB is refused with 552", async () => {
    const before = received.length;
    await expect(
      transport().sendMail({ from: "a@b.example", to: "someone@elsewhere.example", text: "x" }),
    ).rejects.toThrow(/550/);
    await expect(
      transport().sendMail({ from: "a@b.example", to: "r@in.example", text: "z".repeat(11 * 1024 * 1024) }),
    ).rejects.toThrow(/552/);
    expect(received.length - before).toBeLessThanOrEqual(1); // only the oversized one, cut, for the record
  });
});
