import type { Metadata } from "next";
import { HydrationMark } from "@/components/providers/hydration-mark";
import { QueryProvider } from "@/components/providers/query-provider";
import "./globals.css";

// Every page depends on who is signed in; nothing is prerendered.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Caseflow", template: "%s · Caseflow" },
  description: "Customer cases linked to the IT work that fixes them",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" data-hydrating="">
      <body className="min-h-screen font-sans text-sm">
        <HydrationMark />
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
