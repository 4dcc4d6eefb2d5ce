import Link from "@/components/ui/link";
import { Badge, stateTone } from "@/components/ui/badge";
import { labelOf, requestStates } from "@/lib/domain/records/choices";

type Row = {
  id: number;
  number: string;
  shortDescription: string;
  state: string;
  requestedFor: { name: string } | null;
};

/** ITSM-2: the Requests related list — requests made from this case, with their state. */
export function RequestsList({ rows }: { rows: Row[] }) {
  if (!rows.length)
    return <p className="text-sm text-slate-500">No requests have been made from this case.</p>;
  return (
    <table className="cf-table">
      <caption className="sr-only">Requests</caption>
      <thead>
        <tr>
          <th scope="col">Number</th>
          <th scope="col">Short description</th>
          <th scope="col">Requested for</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="cf-nowrap">
              <Link className="cf-link" href={`/requests/${r.number}`}>
                {r.number}
              </Link>
            </td>
            <td className="cf-clip">{r.shortDescription}</td>
            <td>{r.requestedFor?.name ?? "—"}</td>
            <td>
              <Badge tone={stateTone(labelOf(requestStates, r.state))}>
                {labelOf(requestStates, r.state)}
              </Badge>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
