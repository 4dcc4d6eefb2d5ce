import { SelectField, TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { StatusFilter } from "@/components/directory/directory-filters";

/** ADM-3: the list's search (name or email), kind and active filters; a plain GET form. */
export function UserFilters({
  q,
  kind,
  active,
  kinds,
}: {
  q: string;
  kind: string | null;
  active: string | null;
  kinds: readonly { value: string; label: string }[];
}) {
  return (
    <form method="get" action="/admin/users" role="search" className="flex flex-wrap items-end gap-2">
      <TextField id="filter-q" label="Search users" name="q" defaultValue={q} placeholder="Name or email" />
      <SelectField
        id="filter-kind"
        label="User kind"
        name="kind"
        defaultValue={kind ?? ""}
        blank="All kinds"
        options={kinds}
      />
      <StatusFilter name="active" value={active} />
      <Button type="submit">Search</Button>
    </form>
  );
}
