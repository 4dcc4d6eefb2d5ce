// The session secret of the test servers (Playwright's, the production installs its tests start,
// the cluster test's nodes): one secret, so one build serves them all — the build's id includes the
// key derived from it (scripts/build-identity.mjs), and a second secret would rebuild `.next` while
// another test server serves from it. Never a production secret.
export const TEST_AUTH_SECRET = "e2e-only-secret-not-for-production-0123456789";
