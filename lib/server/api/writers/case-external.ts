import "server-only";
import { randomUUID } from "node:crypto";
import { invalid } from "@/lib/domain/errors";
import type { PortalNewCaseInput } from "@/lib/domain/portal/schemas";
import { CaseState } from "@/lib/domain/records/choices";
import { createPortalCase } from "../../portal/new-case";
import { acceptSolution, rejectSolution, replyOnPortal } from "../../portal/answers";
import type { Writer } from "./types";

/**
 * ROLE-3, POR-1: what an external user writes in sn_customerservice_case is what the portal lets
 * them — New case (short_description, description, asset; on their account, channel web), Reply
 * (`comments`: their additional comment; an Awaiting Info case returns to Open), and the answer to
 * a Resolved case's solution: `state` Closed is Accept solution, `state` Open with `comments` as
 * the reason is Reject solution. A case out of their scope is never reached: the reader answers
 * it 404 like a missing sys_id (POR-4).
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
    fields: ["comments", "state"],
    async write(actor, row, input, version, tx) {
      const number = String(row.number);
      // Each API call is its own answer (the portal form's key serves a double click; a client
      // retrying a POST would send it again in ServiceNow too).
      const key = randomUUID();
      const comments = typeof input.comments === "string" ? input.comments : undefined;
      if (!("state" in input)) {
        if ("comments" in input)
          await replyOnPortal(actor, number, { reply: input.comments, idempotencyKey: key }, tx);
        return;
      }
      // REC-6: an answer to a solution is for the version the client read (its sys_mod_count, else
      // the current one), checked on the locked row — a solution proposed since is not answered.
      if (input.state === CaseState.Closed) {
        // Accept solution; a comment given with it is kept on the closed case (as a reply it would
        // have reopened the case first, and the acceptance been refused).
        await acceptSolution(actor, number, { version, comments }, tx);
      } else if (input.state === CaseState.Open) {
        if (!comments?.trim())
          throw invalid("comments", "Give the reason in comments to reject the solution.");
        await rejectSolution(actor, number, { reason: comments, idempotencyKey: key, version }, tx);
      } else {
        throw invalid(
          "state",
          "Customers set state only to Closed (accept the solution) or Open (reject it, with comments as the reason).",
        );
      }
    },
  },
};
