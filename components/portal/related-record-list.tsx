"use client";
import dynamic from "next/dynamic";
import { useRef, useState } from "react";

/** Loaded on the first click: the dialog (Ariakit) stays out of the portal's first-load JS. */
const RelatedRecordDialog = dynamic(() => import("./related-record-dialog"), { ssr: false });

export type RelatedListItem = {
  caseNumber: string;
  number: string;
  type: string;
  state: string;
  shortDescription: string;
};

/**
 * POR-2 / POR-5: records linked to cases, each a button opening its customer-safe details in a
 * dialog. A list of rows (not a table) so it reads on a 390 px phone. `showCase` names each
 * record's case (My Lists); on the case page it is that case.
 */
export function RelatedRecordList({
  items,
  showCase = false,
  empty,
}: {
  items: RelatedListItem[];
  showCase?: boolean;
  empty: string;
}) {
  const [open, setOpen] = useState<RelatedListItem | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  if (!items.length) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {items.map((item) => (
          <li key={`${item.caseNumber}:${item.number}`}>
            <button
              type="button"
              aria-haspopup="dialog"
              className="block w-full px-3 py-2 text-left text-sm hover:bg-slate-50 focus-visible:bg-slate-50"
              onClick={(e) => {
                opener.current = e.currentTarget;
                setOpen(item);
              }}
            >
              <span className="flex flex-wrap items-baseline gap-x-3">
                <span className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {item.number}
                </span>
                <span className="text-slate-600">{item.type}</span>
                <span className="text-slate-600">{item.state}</span>
                {showCase && <span className="text-slate-600">Case {item.caseNumber}</span>}
              </span>
              <span className="block break-words text-slate-800">{item.shortDescription}</span>
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <RelatedRecordDialog
          caseNumber={open.caseNumber}
          number={open.number}
          onClose={() => {
            setOpen(null);
            opener.current?.focus();
          }}
        />
      )}
    </>
  );
}
