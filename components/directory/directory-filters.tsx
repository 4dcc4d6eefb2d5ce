import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

/** The lists' search and filters (SET-2): a plain GET form, so a filtered list is a link. */
export function DirectoryFilters({
  path,
  label,
  q,
  placeholder,
  status,
  type,
}: {
  path: string;
  label: string;
  q: string;
  placeholder: string;
  status: string | null;
  /** Accounts only: customer or partner. */
  type?: { value: string | null };
}) {
  return (
    <form method="get" action={path} role="search" className="flex flex-wrap items-end gap-2">
      <TextField id="filter-q" label={label} name="q" defaultValue={q} placeholder={placeholder} />
      {type && (
        <SelectField
          id="filter-type"
          label="Type"
          name="type"
          defaultValue={type.value ?? ""}
          blank="Customers and partners"
          options={[
            { value: "customer", label: "Customers" },
            { value: "partner", label: "Partners" },
          ]}
        />
      )}
      <StatusFilter name="status" value={status} />
      <Button type="submit">Search</Button>
    </form>
  );
}

/** The Status filter of an admin list: Active, Inactive, or both. */
export function StatusFilter({ name, value }: { name: string; value: string | null }) {
  return (
    <SelectField
      id="filter-status"
      label="Status"
      name={name}
      defaultValue={value ?? ""}
      blank="Active and inactive"
      options={[
        { value: "active", label: "Active" },
        { value: "inactive", label: "Inactive" },
      ]}
    />
  );
}
