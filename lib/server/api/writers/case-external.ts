import "server-only";
import { randomUUID } from "node:crypto";
import type { PortalNewCaseInput } from "@/lib/domain/portal/schemas";
import { createPortalCase } from "../../portal/new-case";
import { replyOnPortal } from "../../portal/answers";
import type { Writer } from "./types";

/**
 * ROLE-3, POR-1: what an external user writes in sn_customerservice_case is what the portal lets
 * them — New case (short_description, description, asset; on their account, channel web) and
 * Reply (`comments`: their additional comment; an Awaiting Info case returns to Open). A case out
 * of their scope is never reached: the reader answers it 404 like a missing sys_id (POR-4).
 */
export const externalCaseWrites: NonNullable<Writer["external"]> = {
  create: {
    fields: ["short_description", "description", "asset"],
    async write(actor, input, tx) {
      const { number } = await createPortalCase(actor, input as PortalNewCaseInput, tx);
      return tx.case.findUniqueOrThrow({ where: { number }, select: { id: true } });
    },
  },
  update: {
    fields: ["comments"],
    async write(actor, row, input, _version, tx) {
      if (!("comments" in input)) return;
      // Each API call is its own reply (the portal form's key serves a double click; a client
      // retrying a POST would send it again in ServiceNow too).
      await replyOnPortal(
        actor,
        String(row.number),
        { reply: input.comments, idempotencyKey: randomUUID() },
        tx,
      );
    },
  },
};
