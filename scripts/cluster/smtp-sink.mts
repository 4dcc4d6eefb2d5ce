// test:cluster's mail server: accepts every message (a little slowly, so that the nodes hold
// claims when one is killed) and counts each by its Message-ID.
import { SMTPServer } from "smtp-server";

export type Received = { messageId: string; at: number };

export async function startSink(delayMs: number) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // The delay comes before the message is handed over: a node killed while waiting here has
    // sent nothing yet.
    onMailFrom(_address, _session, done) {
      setTimeout(() => done(), delayMs);
    },
    onData(stream, _session, done) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString()));
      stream.on("end", () => {
        const id = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? "(none)";
        received.push({ messageId: id, at: Date.now() });
        done();
      });
    },
  });
  server.on("error", () => {}); // a killed node resets its connection: expected here
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { port, received, close };
}
