import { Badge, type Tone } from "@/components/ui/badge";

type Sla = { kind: string; label: string; status: string; text: string; due: string | null };

const TONE: Record<string, Tone> = {
  met: "green",
  running: "blue",
  paused: "gray",
  suspended: "gray",
  breached: "red",
};

/** NOT-5: the case's SLAs — time left, paused, met or breached — under its title. */
export function SlaChips({ slas }: { slas: Sla[] }) {
  if (!slas.length) return null;
  return (
    <ul aria-label="SLAs" className="mt-1.5 flex flex-wrap gap-2 text-xs">
      {slas.map((s) => (
        <li key={s.kind}>
          <Badge tone={TONE[s.status] ?? "gray"}>
            {s.label} SLA: {s.text}
            {/* The due time in words, not only in a tooltip no keyboard or screen reader reaches. */}
            {s.due && (s.status === "running" || s.status === "breached") && (
              <span className="font-normal">, due {s.due}</span>
            )}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
