// NOT-1: /admin/notifications previews each email as the customer reads it — the Closed and
// Cancelled emails end by sending the customer to a new case, not by inviting a reply (PRO-5).
import { describe, expect, it } from "vitest";
import { renderCaseMail } from "@/lib/domain/notifications/case-mail";
import { makeAdmin } from "@/lib/testing/fixtures";
import { listCaseMailTemplates } from "./case-mail-admin";

describe("the customer emails' preview (NOT-1)", () => {
  it("NOT-1: the Closed and Cancelled previews end as the sent email does; the others invite a reply", async () => {
    const templates = await listCaseMailTemplates(await makeAdmin());
    for (const t of templates) {
      const { text } = renderCaseMail(t, t.sample);
      if (t.event === "closed" || t.event === "cancelled") {
        expect(text, t.event).toContain("is finished: a reply to this email is not added to it.");
        expect(text, t.event).toContain("/portal/cases/new");
      } else expect(text, t.event).not.toContain("is finished");
    }
  });
});
