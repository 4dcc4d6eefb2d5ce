import { TextField } from "@/components/ui/field";

/** Name, Email, Phone of a contact or consumer (SET-2); `idPrefix` for fields shown in a dialog. */
export function PersonFields({
  person,
  err,
  idPrefix,
}: {
  person?: { name: string; email: string; phone: string | null };
  err: (field: string) => string | undefined;
  idPrefix: string;
}) {
  return (
    <>
      <TextField
        id={`${idPrefix}-name`}
        label="Name"
        name="name"
        required
        autoComplete="off"
        defaultValue={person?.name}
        error={err("name")}
      />
      <TextField
        id={`${idPrefix}-email`}
        label="Email"
        name="email"
        type="email"
        required
        autoComplete="off"
        defaultValue={person?.email}
        error={err("email")}
      />
      <TextField
        id={`${idPrefix}-phone`}
        label="Phone"
        name="phone"
        type="tel"
        autoComplete="off"
        defaultValue={person?.phone ?? ""}
        error={err("phone")}
      />
    </>
  );
}
