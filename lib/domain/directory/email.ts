// SET-2: email addresses of people (internal users, contacts, consumers). An email signs its owner in
// and receives their links, so two users must never hold addresses that look the same: an address is
// stored trimmed, NFKC-normalised (full-width letters become plain ones) and in lower case, and one
// holding an invisible or direction-changing character, or a letter outside a–z (a Cyrillic "а" that
// looks like a Latin "a"), is refused with a message naming it. Internationalised addresses are the
// price of that rule: rare in business email, and a lookalike in the directory costs more.
import { z } from "zod";
import { controlCharacterIn, controlCharacterMessage } from "../validation";

export const EMAIL_MAX = 254;

/** Format characters (U+200B zero-width space, U+202E right-to-left override, U+FEFF…) and the other
 *  default-ignorable code points (variation selectors, fillers): invisible when shown. */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const codeOf = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The stored form of an email: trimmed, NFKC, lower case (not yet checked). */
export const normalizeEmail = (text: string) => text.trim().normalize("NFKC").toLowerCase();

/**
 * Why `text` (already normalised) is not an email Caseflow stores, or null when it is one.
 * `label` names the field in the message.
 */
export function emailProblem(text: string, label = "Email"): string | null {
  const control = controlCharacterIn(text);
  if (control) return controlCharacterMessage(label, control);
  const invisible = INVISIBLE.exec(text);
  if (invisible)
    return (
      `${label} contains an invisible or direction-changing character (${codeOf(invisible[0])}); ` +
      "type the address again without it."
    );
  const foreign = /[^\x21-\x7e]/u.exec(text);
  if (foreign && foreign[0] !== " ")
    return (
      `${label} may only use the letters a–z, digits and . _ + - ' symbols; ` +
      `"${foreign[0]}" (${codeOf(foreign[0])}) is not one of them (it can look like one that is).`
    );
  if (text.length > EMAIL_MAX) return `${label} must be at most ${EMAIL_MAX} characters.`;
  const at = text.lastIndexOf("@");
  const local = text.slice(0, at);
  const labels = text.slice(at + 1).split(".");
  const valid =
    at > 0 &&
    local.length <= 64 &&
    LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((l) => LABEL.test(l)) &&
    /[a-z]/.test(labels[labels.length - 1]);
  return valid ? null : `${label} must be an email address like name@example.com.`;
}

/** A required email field: normalised, then checked (SET-2). */
export const emailField = (label = "Email") =>
  z
    .string({ error: `${label} is required.` })
    .transform(normalizeEmail)
    .superRefine((v, ctx) => {
      if (!v) return ctx.addIssue({ code: "custom", message: `${label} is required.` });
      const problem = emailProblem(v, label);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
