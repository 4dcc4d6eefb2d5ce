import type { RelatedRecord } from "@/lib/domain/portal/related";
import { RelatedRecordList } from "./related-record-list";

/**
 * POR-2 **Related Records** for the portal case page. The page loads the records through the
 * scoped read and passes them in:
 *
 *   import { listRelatedRecords } from "@/lib/server/portal/related";
 *   <RelatedRecords caseNumber={c.number} records={await listRelatedRecords(actor, c.number)} />
 *
 * (a case outside the user's scope is not found there, POR-4). Each row opens its customer-safe
 * details in a dialog, loaded through relatedRecordAction keyed by case and record number.
 */
export function RelatedRecords({ caseNumber, records }: { caseNumber: string; records: RelatedRecord[] }) {
  return (
    <section aria-labelledby="related-records-heading" className="space-y-2">
      <h2 id="related-records-heading" className="text-base font-semibold">
        Related Records
      </h2>
      <RelatedRecordList
        items={records.map((r) => ({ ...r, caseNumber }))}
        empty="No problems, changes, requests or work orders are linked to this case."
      />
    </section>
  );
}
