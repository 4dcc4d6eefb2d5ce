// ESLint (flat config): typescript-eslint's type-checked rules, the Next.js rules, the React Hooks
// rules (React Compiler checks included) and the architecture as import boundaries. `npm run lint`
// fails on any error or warning.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import areaLayering from "./scripts/lint/area-layering.mjs";

/** `no-restricted-imports` groups (gitignore-style) shared by the boundary rules below. */
const IMPURE = {
  group: ["@prisma/*", "**/generated/**", "next", "next/*", "next-auth", "next-auth/*", "react", "react-dom"],
  message: "lib/domain holds pure rules: no Prisma, Next or React.",
};
const SERVER = {
  group: ["@/lib/server/*", "@/lib/db", "@/lib/db/*", "**/lib/server/**", "../server/*", "../../server/*"],
  message: "Only lib/server, app/ adapters and scripts may reach the services and the database.",
};
const DATABASE = {
  group: ["@/lib/db", "@/lib/db/*", "**/lib/db", "**/lib/db/*", "**/generated/**", "@prisma/*"],
  message: "app/ holds adapters: read and write through lib/server, which owns the database.",
};
/** One statement per page, built from the page's filters over many tables (docs/performance.md, PERF-8). */
const PAGE_READS = [
  "lib/server/cases/list.ts",
  "lib/server/cases/page-read.ts",
  "lib/server/auth/requester-read.ts",
  "lib/server/my-work/read.ts",
  "lib/server/search/**",
];
/** Input schemas live in lib/domain/<area>/schemas.ts; services parse with them (README "Architecture"). */
const ZOD = {
  name: "zod",
  allowTypeImports: true,
  message: "Input schemas live in lib/domain/<area>/schemas.ts: import the schema from there.",
};
const RAW_READS = "Prepared reads are raw SQL: they go in lib/server/tables/<table>.ts.";
/** Pages are dynamic: links must not prefetch, and next/link costs per instance (components/ui/link.tsx says why). */
const NEXT_LINK = {
  name: "next/link",
  message: "Use @/components/ui/link (no prefetch, no per-link hooks).",
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".next-profile/",
      "data/",
      "lib/generated/",
      "prisma/postgresql/",
      "test-results/",
      "playwright-report/",
      "bench/results/",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "always"],
      // Prettier keeps code at 110 but cannot break comments, strings, template literals, class
      // names or SQL, so this catches every line it leaves longer than 120: split messages into
      // concatenated pieces, class strings into several strings, reflow SQL. A test's title stays
      // one readable string (it is the name the runner prints), and URLs and regexps stay whole.
      "max-len": [
        "error",
        {
          code: 120,
          ignoreUrls: true,
          ignoreRegExpLiterals: true,
          ignorePattern: String.raw`^\s*(it|test|describe)(\.\w+)?\(`,
        },
      ],
      "no-console": ["error", { allow: ["error", "warn", "info"] }],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ...nextPlugin.configs["core-web-vitals"],
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  // Architecture (README "Architecture"): pure rules import nothing impure …
  {
    files: ["lib/domain/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [IMPURE, SERVER] }] },
  },
  // … and the UI never reaches the services or the database except through server actions.
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [SERVER], paths: [NEXT_LINK, ZOD] }] },
  },
  // Pages, actions and routes are adapters: they call services (lib/server), never the database.
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [DATABASE], paths: [NEXT_LINK, ZOD] }] },
  },
  // Services parse their input with the schemas of lib/domain; they declare none of their own.
  {
    files: ["lib/server/**/*.ts"],
    ignores: ["lib/server/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [ZOD] }] },
  },
  // Raw SQL lives in lib/server/tables/ — one module per table (README "Raw SQL") — and in the
  // page reads that build one statement from a page's filters over many tables. Services call
  // the tables' named functions; lib/db holds the drivers.
  {
    files: ["lib/server/**/*.ts"],
    ignores: ["lib/server/tables/**", "lib/server/**/*.test.ts", ...PAGE_READS],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name=/^[$](queryRaw|executeRaw)(Unsafe)?$/]",
          message: "Raw SQL goes in lib/server/tables/<table>.ts as a named function; call that.",
        },
      ],
      "no-restricted-imports": [
        "error",
        { paths: [ZOD], patterns: [{ group: ["@/lib/db/read", "@/lib/db/json-sql"], message: RAW_READS }] },
      ],
    },
  },
  // No import cycle between lib/server's areas; lib/server/tables, the bottom, imports none.
  {
    files: ["lib/server/**/*.{ts,tsx}"],
    ignores: ["lib/server/**/*.test.{ts,tsx}"],
    plugins: { caseflow: areaLayering },
    // The project root by this file, not by the directory ESLint was started in.
    rules: { "caseflow/area-layering": ["error", { root: import.meta.dirname }] },
  },
  {
    files: ["components/ui/link.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [SERVER] }] },
  },
  // Scripts and tests print what they do. Tests use `expect.any()` / `expect.objectContaining()`
  // (typed any) inside expected values, and async mocks that stand in for async functions.
  {
    files: ["scripts/**", "e2e/**", "**/*.test.ts", "lib/testing/**"],
    rules: { "no-console": "off" },
  },
  {
    files: ["**/*.test.ts", "e2e/**"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off", "@typescript-eslint/require-await": "off" },
  },
  // An e2e test's `test` watches its browser pages: an uncaught error or a console error fails it.
  {
    files: ["e2e/**/*.ts"],
    ignores: ["e2e/support/test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test"],
              message: "Import test from ./support/test: it fails a test whose pages report errors.",
            },
          ],
        },
      ],
    },
  },
);
