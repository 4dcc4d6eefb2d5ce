import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLE } from "@/lib/domain/auth/roles";
import { PROPERTY } from "@/lib/domain/properties/catalog";
import { makeAgent, makeCase, makeItil, makeUser } from "@/lib/testing/fixtures";
import { makePortalWorld, VISIBLE, type WorldCase } from "@/lib/testing/portal-world";
import { ATTACHMENTS_PAGE } from "@/lib/domain/attachments/rows";
import { parseCursor } from "@/lib/domain/journal/live";
import { readCasePage } from "../cases/page-read";
import { runCaseAction } from "../cases/write";
import { addAttachment, listAttachments, readAttachment } from "./service";

const MB = 1024 * 1024;
const file = (size: number, name = "notes.txt", type = "text/plain") => ({
  name,
  type,
  bytes: new Uint8Array(size).fill(0x61),
});
const stored = (caseId: number) => db().attachment.count({ where: { caseId } });

/** The limit at 1 MB for a test, so "at the limit" stays small; restored afterwards. */
async function limitOneMb() {
  await db().systemProperty.upsert({
    where: { name: PROPERTY.attachmentMaxMb },
    create: {
      name: PROPERTY.attachmentMaxMb,
      value: "1",
      type: "integer",
      defaultValue: "10",
      description: "",
    },
    update: { value: "1" },
  });
}
afterEach(() => db().systemProperty.deleteMany({ where: { name: PROPERTY.attachmentMaxMb } }));

describe("case attachments (NOT-4)", () => {
  it("NOT-4: a file exactly at the limit is kept; one byte over is refused naming the file and the limit, nothing stored", async () => {
    await limitOneMb();
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const ok = await addAttachment(agent, c.number, file(MB, "at-limit.bin", "application/octet-stream"));
    expect(ok).toMatchObject({ fileName: "at-limit.bin", size: MB, uploadedByName: agent.name });
    const blob = await db().attachmentBlob.findUniqueOrThrow({ where: { id: ok.id } });
    expect(blob.bytes.byteLength).toBe(MB);
    await expect(addAttachment(agent, c.number, file(MB + 1))).rejects.toMatchObject({
      kind: "invalid",
      field: "file",
      message: expect.stringContaining("larger than 1 MB") as string,
    });
    expect(await stored(c.id)).toBe(1);
  });

  it("NOT-4: the default limit is 10 MB", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await expect(addAttachment(agent, c.number, file(10 * MB + 1))).rejects.toMatchObject({
      field: "file",
      message: expect.stringContaining("10 MB") as string,
    });
    expect(await stored(c.id)).toBe(0);
  });

  it("NOT-4: an empty file is refused; a name is stored without its folder or control characters", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    await expect(addAttachment(agent, c.number, file(0))).rejects.toMatchObject({
      field: "file",
      message: "The file is empty. Choose a file with content.",
    });
    // Upload pressed with no file chosen: the browser sends an empty part without a name.
    await expect(
      addAttachment(agent, c.number, file(0, "", "application/octet-stream")),
    ).rejects.toMatchObject({
      field: "file",
      message: "Choose a file to attach.",
    });
    const a = await addAttachment(agent, c.number, file(3, "../../secret\u0007/..\\evil\r\n.txt"));
    expect(a.fileName).toBe("evil.txt");
    expect(await stored(c.id)).toBe(1);
  });

  it("NOT-4 / ROLE-2: an ITIL fulfiller may list but not attach; a Closed case refuses like the journal", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const itil = await makeItil();
    await expect(addAttachment(itil, c.number, file(3))).rejects.toMatchObject({ kind: "forbidden" });
    expect(await listAttachments(itil, c.number)).toEqual({ rows: [], more: false });
    await expect(addAttachment(null, c.number, file(3))).rejects.toMatchObject({ kind: "unauthenticated" });
    await runCaseAction(agent, c.number, { action: "cancel", version: 1 });
    await expect(addAttachment(agent, c.number, file(3))).rejects.toMatchObject({
      field: "file",
      message: expect.stringContaining("Cancelled") as string,
    });
    expect(await stored(c.id)).toBe(0);
  });

  it("NOT-4 / ROLE-3 / POR-4: each external user lists and downloads the files of their cases only; others answer not found", async () => {
    const world = await makePortalWorld();
    const ids = {} as Record<WorldCase, number>;
    for (const [key, c] of Object.entries(world.cases) as [WorldCase, { number: string }][])
      ids[key] = (await addAttachment(world.agent, c.number, file(5, `${key}.txt`))).id;
    for (const [who, visible] of Object.entries(VISIBLE) as [keyof typeof VISIBLE, WorldCase[]][]) {
      const user = world.users[who];
      for (const [key, c] of Object.entries(world.cases) as [WorldCase, { number: string }][]) {
        if (visible.includes(key)) {
          expect(
            (await listAttachments(user, c.number)).rows.map((a) => a.fileName),
            who,
          ).toEqual([`${key}.txt`]);
          expect((await readAttachment(user, ids[key])).file.fileName).toBe(`${key}.txt`);
        } else {
          await expect(listAttachments(user, c.number), `${who} ${key}`).rejects.toMatchObject({
            kind: "not_found",
          });
          await expect(readAttachment(user, ids[key]), `${who} ${key}`).rejects.toMatchObject({
            kind: "not_found",
            message: `Attachment ${ids[key]} was not found.`,
          });
        }
      }
    }
    await expect(readAttachment(world.users.customer, 999_999_999)).rejects.toMatchObject({
      message: "Attachment 999999999 was not found.",
    });
    // REL-1: past the id column's range — PostgreSQL answered a 500 (P2020) before.
    for (const who of [world.users.customer, await makeAgent()])
      await expect(readAttachment(who, 2_147_483_648)).rejects.toMatchObject({ kind: "not_found" });
  });

  it("NOT-4: internal-only files are hidden from external users and refused to them on download, like a missing one", async () => {
    const world = await makePortalWorld();
    const { customer } = world.users;
    const own = world.cases.own.number;
    const open = await addAttachment(world.agent, own, file(4, "public.txt"));
    const secret = await addAttachment(world.agent, own, file(4, "secret.txt"), { internalOnly: true });
    expect((await listAttachments(world.agent, own)).rows.map((a) => a.fileName)).toEqual([
      "secret.txt",
      "public.txt",
    ]);
    expect((await listAttachments(customer, own)).rows.map((a) => a.fileName)).toEqual(["public.txt"]);
    expect((await readAttachment(customer, open.id)).bytes.byteLength).toBe(4);
    await expect(readAttachment(customer, secret.id)).rejects.toMatchObject({ kind: "not_found" });
    // A customer attaches on their own case, never internal-only.
    const mine = await addAttachment(customer, own, file(2, "photo.png", "image/png"));
    expect(mine).toMatchObject({ internalOnly: false, uploadedByName: customer.name });
    await expect(addAttachment(customer, own, file(2), { internalOnly: true })).rejects.toMatchObject({
      field: "internalOnly",
    });
    await expect(addAttachment(world.users.otherCustomer, own, file(2, "x.txt"))).rejects.toMatchObject({
      kind: "not_found",
    });
  });

  it("NOT-4: a user without case rights reads no file", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const a = await addAttachment(agent, c.number, file(3));
    await expect(readAttachment(await makeUser([]), a.id)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(readAttachment(null, a.id)).rejects.toMatchObject({ kind: "unauthenticated" });
  });

  it("NOT-4 / POR-4: an external user without a portal role gets one answer for a file that exists and one that does not", async () => {
    const agent = await makeAgent();
    const c = await makeCase(agent);
    const a = await addAttachment(agent, c.number, file(3));
    const roleless = await makeUser([ROLE.external], { kind: "contact", accountId: c.accountId });
    const answer = (id: number) =>
      readAttachment(roleless, id).then(
        () => "read",
        (e: { kind?: string }) => e.kind,
      );
    expect(await answer(a.id)).toBe(await answer(a.id + 1_000_000));
  });

  it("NOT-4 / PERF-1: the list comes a page at a time, newest first, by keyset — each file once, internal-only ones never to a customer", async () => {
    const world = await makePortalWorld();
    const own = world.cases.own;
    const caseId = (await db().case.findUniqueOrThrow({ where: { number: own.number } })).id;
    // 230 files, three to a millisecond (ties broken by id), every fifth internal-only.
    const base = Date.UTC(2026, 10, 1);
    await db().attachment.createMany({
      data: Array.from({ length: 230 }, (_, i) => ({
        caseId,
        fileName: `f${i}.txt`,
        contentType: "text/plain",
        size: 1,
        sha256: "x",
        internalOnly: i % 5 === 0,
        uploadedByName: "Loader",
        createdAt: new Date(base + Math.floor(i / 3)),
      })),
    });
    const pages = async (who: Parameters<typeof listAttachments>[0]) => {
      const seen: string[] = [];
      const sizes: number[] = [];
      let page = await listAttachments(who, own.number);
      for (;;) {
        seen.push(...page.rows.map((r) => r.fileName));
        sizes.push(page.rows.length);
        if (!page.more) return { seen, sizes };
        const last = page.rows.at(-1)!;
        page = await listAttachments(who, own.number, {
          before: parseCursor(`${last.createdAt}_${last.id}`, "an attachment"),
        });
      }
    };
    const all = await pages(world.agent);
    expect(all.sizes).toEqual([ATTACHMENTS_PAGE, ATTACHMENTS_PAGE, 30]);
    expect(all.seen).toEqual(Array.from({ length: 230 }, (_, i) => `f${229 - i}.txt`));
    const customer = await pages(world.users.customer);
    expect(customer.sizes).toEqual([ATTACHMENTS_PAGE, 84]);
    expect(customer.seen).toEqual(all.seen.filter((n) => Number(n.slice(1, -4)) % 5 !== 0));
    // The case page reads the first page and one row more, which tells "Show older".
    const doc = await readCasePage(own.number);
    expect(doc!.attachments).toHaveLength(ATTACHMENTS_PAGE + 1);
  });
});
