import type { Metadata } from "next";
import { AddFieldMapRow, FieldMapRow } from "@/components/admin/field-map-row";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { FIELD_MAPS } from "@/lib/domain/field-maps/catalog";
import { adminActor } from "@/lib/server/auth/page";
import { listFieldMaps } from "@/lib/server/field-maps/admin";

export const metadata: Metadata = { title: "Field maps" };

export default async function FieldMapsPage() {
  const actor = await adminActor();
  const maps = await listFieldMaps(actor);
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <PageHeader title="Field maps">
        Which fields a new record takes from the record it is made from: a source field, or a constant value,
        into a target field. Incident → Case fills the cases of Create Proactive Cases (their account is the
        affected account; their priority, unless mapped, comes from the Priority Data Lookup for the mapped
        impact and urgency). Case → Work Order fills Create Work Order. A row naming a field that does not
        exist, or a constant of the wrong type, is refused.
      </PageHeader>
      {maps.map((m) => (
        <Section key={m.name} title={FIELD_MAPS[m.name].label}>
          <ul className="divide-y divide-slate-100">
            {m.rows.map((r) => (
              <FieldMapRow key={r.id} map={m.name} row={r} />
            ))}
          </ul>
          <AddFieldMapRow map={m.name} />
        </Section>
      ))}
    </div>
  );
}
