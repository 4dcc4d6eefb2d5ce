import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/domain/request-limits";

// Static security headers for every response; the Content-Security-Policy with its
// per-request nonce is set in proxy.ts (REL-5).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

// `npm run bench:profile -- --build` builds a copy with readable names for CPU profiles, in a
// directory of its own so the production build stays as it is.
const profileBuild = process.env.CASEFLOW_PROFILE_BUILD === "1";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // OPS-1: the id `npm start` and `npm run build` give a build (scripts/build-identity.mjs, a hash
  // of its inputs): every node built from the same checkout serves its files under the same names.
  generateBuildId: () => Promise.resolve(process.env.CASEFLOW_BUILD_ID ?? null),
  // The production server compresses, at levels chosen for pages rendered per request
  // (scripts/ops/compress.mjs); `npm run dev` answers uncompressed.
  compress: false,
  ...(profileBuild ? { distDir: ".next-profile" } : {}),
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  headers: () =>
    Promise.resolve([
      { source: "/:path*", headers: securityHeaders },
      // SET-4: the page a password link opens carries its token in the URL; no other site is told
      // it (same-origin, not no-referrer: the latter makes the browser send `Origin: null` with the
      // form's own POST before the page's script has run, which the REL-8 origin check refuses).
      { source: "/set-password", headers: [{ key: "Referrer-Policy", value: "same-origin" }] },
    ]),
  // Addresses a person types or trims from a deeper one: the page they mean, not a 404 (the first
  // admin page of the sidebar; the portal's case list), and the icon a browser asks for by habit.
  redirects: () =>
    Promise.resolve([
      { source: "/admin", destination: "/admin/properties", permanent: false },
      { source: "/portal/cases", destination: "/portal", permanent: false },
      { source: "/favicon.ico", destination: "/icon.svg", permanent: false },
    ]),
  experimental: {
    // A deliberate limit (REL-1), explained in lib/domain/request-limits.ts: a few journal-sized
    // text fields. proxy.ts refuses larger action POSTs first, with a clear 413.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
    // Next buffers a copy of every POST body for proxy.ts (10 MB by default); anything above the
    // action limit is refused there by its Content-Length without being read.
    proxyClientMaxBodySize: ACTION_BODY_LIMIT_BYTES + 64 * 1024,
    ...(profileBuild ? { turbopackMinify: false } : {}),
  },
};

export default nextConfig;
