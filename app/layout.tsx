import type { Metadata } from "next";
import { headers } from "next/headers";
import { HydrationGuard, HydrationMark } from "@/components/providers/hydration-mark";
import { QueryProvider } from "@/components/providers/query-provider";
import { TimeZoneProvider } from "@/components/providers/time-zone";
import { WORKSPACE_TIME_ZONE } from "@/lib/domain/time-format";
import { nonceOf } from "@/lib/security/csp.mjs";
import "./globals.css";

// Every page depends on who is signed in; nothing is prerendered.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Caseflow", template: "%s · Caseflow" },
  description: "Customer cases linked to the IT work that fixes them",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // REL-5: scripts run only with this request's nonce (lib/security/csp.mjs); Next adds it to its own.
  const nonce = nonceOf((await headers()).get("content-security-policy")) ?? undefined;
  return (
    <html lang="en" data-hydrating="">
      <head>
        <HydrationGuard nonce={nonce} />
      </head>
      <body className="min-h-screen font-sans text-sm">
        <HydrationMark />
        <QueryProvider>
          <TimeZoneProvider zone={WORKSPACE_TIME_ZONE}>{children}</TimeZoneProvider>
        </QueryProvider>
      </body>
    </html>
  );
}
