// The npm mirror of these machines does not serve every platform's optional binary package
// (macOS, Windows, Android builds of Next's SWC and Tailwind's oxide), so `npm install` leaves
// them out of package-lock.json — and then `npm ci` refuses the lock file as incomplete.
// This adds the missing entries with their platform constraints, exactly as the public registry
// would record them; npm skips them on Linux, so they are never downloaded here.
// Run after `npm install` changes the lock file: `node scripts/lockfile-platforms.mjs`.
import { readFileSync, writeFileSync } from "node:fs";

/** @type {Record<string, { os?: string[], cpu: string[] }>} package name's suffix → its constraints */
const PLATFORMS = {
  "android-arm64": { os: ["android"], cpu: ["arm64"] },
  "darwin-arm64": { os: ["darwin"], cpu: ["arm64"] },
  "darwin-x64": { os: ["darwin"], cpu: ["x64"] },
  "freebsd-x64": { os: ["freebsd"], cpu: ["x64"] },
  "linux-arm-gnueabihf": { os: ["linux"], cpu: ["arm"] },
  "wasm32-wasi": { cpu: ["wasm32"] },
  "win32-arm64-msvc": { os: ["win32"], cpu: ["arm64"] },
  "win32-x64-msvc": { os: ["win32"], cpu: ["x64"] },
};
const FAMILIES = [
  { parent: "node_modules/@tailwindcss/oxide", prefix: "@tailwindcss/oxide-" },
  { parent: "node_modules/next", prefix: "@next/swc-" },
];

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
let added = 0;
for (const { parent, prefix } of FAMILIES) {
  const owner = lock.packages[parent];
  if (!owner) continue;
  for (const [name, version] of Object.entries(owner.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (!name.startsWith(prefix) || lock.packages[key]) continue;
    const platform = PLATFORMS[name.slice(prefix.length)];
    if (!platform) continue;
    lock.packages[key] = { version, ...(owner.dev ? { dev: true } : {}), optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added
    ? `added ${added} platform package entries to package-lock.json`
    : "package-lock.json already lists every platform package",
);
