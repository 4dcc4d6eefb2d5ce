import type { Metadata } from "next";
import { ImportForm } from "@/components/directory/import/import-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { COLUMNS, IMPORT_KINDS } from "@/lib/domain/directory/import/columns";
import { IMPORT_MAX_ROWS } from "@/lib/domain/directory/import/csv";
import { directoryActor } from "@/lib/server/auth/page";

export const metadata: Metadata = { title: "Import" };

/** SET-3: the customer directory from CSV files — preview first, then one transaction. */
export default async function ImportPage() {
  await directoryActor();
  const kinds = IMPORT_KINDS.map((k) => ({
    ...k,
    columns: COLUMNS[k.value].map((c) => ({ label: c.label, required: !!c.required, help: c.help })),
  }));
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <PageHeader title="Import">
        Accounts, contacts, consumers or assets from a CSV file (up to {IMPORT_MAX_ROWS.toLocaleString("en")}{" "}
        rows). The preview shows what each row will do and writes nothing; Import writes every valid row at
        once. Rows are matched — accounts by number or name, people by email, assets by number or serial
        number — so importing the same file again changes nothing.
      </PageHeader>
      <Section title="Import a file" id="import">
        <ImportForm kinds={kinds} />
      </Section>
    </div>
  );
}
