import Link from "@/components/ui/link";
import { Badge, priorityTone, stateTone } from "@/components/ui/badge";
import { casePriorities, labelOf } from "@/lib/domain/records/choices";

type Row = { id: number; number: string; shortDescription: string; state: string; priority: number };

/** FSM-3: the case's Work Orders section — number, state, priority, short description, link. */
export function WorkOrdersList({ rows }: { rows: Row[] }) {
  if (!rows.length)
    return <p className="text-sm text-slate-500">No work orders have been made from this case.</p>;
  return (
    <table className="cf-table">
      <caption className="sr-only">Work Orders</caption>
      <thead>
        <tr>
          <th scope="col">Number</th>
          <th scope="col">Short description</th>
          <th scope="col">Priority</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="cf-nowrap">
              <Link className="cf-link" href={`/work-orders/${r.number}`}>
                {r.number}
              </Link>
            </td>
            <td className="cf-clip">{r.shortDescription}</td>
            <td>
              <Badge tone={priorityTone(r.priority)}>{labelOf(casePriorities, r.priority)}</Badge>
            </td>
            <td>
              <Badge tone={stateTone(r.state)}>{r.state}</Badge>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
