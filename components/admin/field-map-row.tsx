"use client";
import {
  addFieldMapRowAction,
  removeFieldMapRowAction,
  saveFieldMapRowAction,
} from "@/app/(workspace)/admin/field-maps/actions";
import { RowOutcome } from "@/components/admin/row-outcome";
import { controlClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { FIELD_MAPS, type FieldMapName } from "@/lib/domain/field-maps/catalog";

/** Source, constant, →, target, order… side by side: a row of the map reads as one line. */
const GRID = "grid items-center justify-start gap-2";

export type FieldMapRowData = {
  id: number;
  sourceField: string | null;
  constantValue: string | null;
  targetField: string;
  order: number;
  active: boolean;
  version: number;
};

/** The source / constant / target / order controls of a row; `name` labels them for assistive tech. */
function RowControls({ map, row, name }: { map: FieldMapName; row?: FieldMapRowData; name: string }) {
  const { source, target, fixedTargets } = FIELD_MAPS[map];
  return (
    <>
      <select
        name="sourceField"
        defaultValue={row?.sourceField ?? ""}
        aria-label={`Source field for ${name}`}
        className={controlClass()}
      >
        <option value="">(constant value)</option>
        {source.map((f) => (
          <option key={f.name} value={f.name}>
            {f.label} ({f.name})
          </option>
        ))}
      </select>
      <input
        name="constantValue"
        defaultValue={row?.constantValue ?? ""}
        aria-label={`Constant value for ${name}`}
        placeholder="constant"
        className={controlClass()}
      />
      <span aria-hidden="true">→</span>
      <select
        name="targetField"
        defaultValue={row?.targetField ?? ""}
        aria-label={`Target field for ${name}`}
        className={controlClass()}
      >
        {!row && <option value="">Pick a target field</option>}
        {target
          // Offered: what this map may set (a saved row keeps showing its own target, to be changed).
          .filter((f) => f.writable && (!fixedTargets?.[f.name] || f.name === row?.targetField))
          .map((f) => (
            <option key={f.name} value={f.name}>
              {f.label} ({f.name})
            </option>
          ))}
      </select>
      <input
        name="order"
        defaultValue={row?.order ?? 1000}
        inputMode="numeric"
        aria-label={`Order for ${name}`}
        className={controlClass()}
      />
    </>
  );
}

/** ADM-2: one row of a field map: edit and save, or remove. */
export function FieldMapRow({ map, row }: { map: FieldMapName; row: FieldMapRowData }) {
  const save = useActionForm(saveFieldMapRowAction);
  const remove = useActionForm(removeFieldMapRowAction);
  const name = `${FIELD_MAPS[map].targetLabel} ${row.targetField}`;
  return (
    <li className="flex items-center gap-2 py-2">
      <form
        key={row.version}
        {...save.formProps}
        aria-label={`Row ${name}`}
        className={`${GRID} grid-cols-[13rem_8rem_auto_13rem_5rem_7rem_auto_auto]`}
      >
        <input type="hidden" name="id" value={row.id} />
        <input type="hidden" name="version" value={row.version} />
        <RowControls map={map} row={row} name={name} />
        <select
          name="active"
          defaultValue={String(row.active)}
          aria-label={`Active for ${name}`}
          className={controlClass()}
        >
          <option value="true">Active</option>
          <option value="false">Inactive</option>
        </select>
        <SubmitButton pending={save.pending} variant="secondary">
          Save
        </SubmitButton>
        <RowOutcome result={save.result} />
      </form>
      <form {...remove.formProps}>
        <input type="hidden" name="id" value={row.id} />
        <input type="hidden" name="version" value={row.version} />
        <SubmitButton pending={remove.pending} variant="danger">
          Remove
        </SubmitButton>
        <RowOutcome result={remove.result} />
      </form>
    </li>
  );
}

/** ADM-2: adds a row to a map; a bad row is refused with the field named, nothing written. */
export function AddFieldMapRow({ map }: { map: FieldMapName }) {
  const add = useActionForm(addFieldMapRowAction);
  return (
    <form
      {...add.formProps}
      aria-label={`Add a row to ${FIELD_MAPS[map].label}`}
      className={`${GRID} grid-cols-[13rem_8rem_auto_13rem_5rem_auto_auto] pt-3`}
    >
      <input type="hidden" name="mapName" value={map} />
      <RowControls map={map} name="the new row" />
      <SubmitButton pending={add.pending}>Add row</SubmitButton>
      <RowOutcome result={add.result} />
    </form>
  );
}
