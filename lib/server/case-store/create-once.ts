import "server-only";
import { db } from "@/lib/db";
import { createOnce } from "../records/create-once";

const SELECT = { id: true, number: true, openedById: true } as const;

/** REL-2: a New case form submitted twice makes one case (lib/server/records/create-once.ts). */
export const createCaseOnce = <R extends { number: string }>(
  requestKey: string | undefined,
  actorId: number,
  create: () => Promise<R>,
) =>
  createOnce(requestKey, actorId, create, (key) =>
    db().case.findUnique({ where: { requestKey: key }, select: SELECT }),
  );
