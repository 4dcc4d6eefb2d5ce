import { AuthError } from "next-auth";

// OPS-3: next-auth's own errors in the server's log. A refused sign-in — a wrong password, a
// throttled account, a link used meanwhile — is expected: the form says so, REL-5 counts and
// throttles it, and the request's log line has its status. next-auth printed each one as an
// 11-line stack between the one-line JSON request logs; now it prints nothing. Anything else
// (a failing callback, a broken configuration) is still logged, with its cause.

/** Whether next-auth's error is a refused credentials sign-in (CredentialsSignin and its codes). */
export function isRefusedSignIn(error: unknown): boolean {
  return error instanceof AuthError && error.type === "CredentialsSignin";
}

/** next-auth's `logger.error`. */
export function logAuthError(error: Error, log: (...parts: unknown[]) => void = console.error): void {
  if (isRefusedSignIn(error)) return;
  const name = error instanceof AuthError ? error.type : error.name;
  log(`[auth][error] ${name}: ${error.message}`, error.cause ?? error.stack);
}
