// Every server action module under app/, for the tests that call them all (REL-1, REL-3). Not loaded:
// the public ones that need the next-auth runtime or a request — signing in and out, Set password
// (the link is the permission) and Forgot password? (SET-4) — tested in
// lib/server/auth/password-links.test.ts and e2e/go-live.spec.ts.
export const PUBLIC_ACTION_MODULES = [
  "/app/login/actions.ts",
  "/app/set-password/actions.ts",
  "/app/forgot-password/actions.ts",
];

export const actionModules = (): Record<string, Record<string, unknown>> =>
  import.meta.glob<Record<string, unknown>>(
    [
      "/app/**/actions.ts",
      "/app/**/*-actions.ts",
      "!/app/login/actions.ts",
      "!/app/set-password/actions.ts",
      "!/app/forgot-password/actions.ts",
    ],
    { eager: true },
  );
