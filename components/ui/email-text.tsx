import { Fragment } from "react";

/**
 * An email address in a narrow cell: it may wrap after its "@" (a <wbr>) — "carol.customer@" over
 * "acme.example", never "carol.customer@acme.exa" over "mple" as word-break: break-all wrote it.
 * Inside a part only when that part alone is wider than its box: overflow-wrap: break-word leaves a
 * table column at least as wide as the longer part (break-all and overflow-wrap: anywhere let the
 * table squeeze the column to one character).
 */
export function EmailText({ email, className = "" }: { email: string; className?: string }) {
  const at = email.lastIndexOf("@");
  return (
    <span className={`wrap-break-word ${className}`.trim()}>
      {at < 0 ? (
        email
      ) : (
        <Fragment>
          {email.slice(0, at + 1)}
          <wbr />
          {email.slice(at + 1)}
        </Fragment>
      )}
    </span>
  );
}
