"use client";
import { Fragment } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { Shortcut } from "@/lib/domain/keyboard/shortcuts";

const KBD = "rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800";

/** One shortcut's keys: presses in order ("g then c"), keys held together joined with "+". */
function Keys({ keys }: { keys: Shortcut["keys"] }) {
  return (
    <span className="flex items-center gap-1 whitespace-nowrap">
      {keys.map((press, i) => (
        <Fragment key={i}>
          {/* Spaced text, so the row reads "g then c" and "Ctrl + Enter" to a screen reader too. */}
          {i > 0 && <span className="text-xs text-slate-500">{" then "}</span>}
          {press.map((k, j) => (
            <Fragment key={k}>
              {j > 0 && <span className="text-xs text-slate-500">{" + "}</span>}
              <kbd className={KBD}>{k}</kbd>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </span>
  );
}

/** WRK-6: the `?` dialog — every shortcut this person has, with its keys. Escape closes it. */
export function ShortcutHelp({
  open,
  onClose,
  shortcuts,
}: {
  open: boolean;
  onClose: () => void;
  shortcuts: readonly Shortcut[];
}) {
  return (
    <Modal open={open} onClose={onClose} title="Keyboard shortcuts">
      <table className="w-full text-sm">
        <caption className="sr-only">Keyboard shortcuts</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shortcuts.map((s) => (
            <tr key={s.command}>
              <td className="py-2 pr-4 align-top">
                <Keys keys={s.keys} />
              </td>
              <td className="py-2 text-slate-700">{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-xs text-slate-500">
        Shortcuts do nothing while you type in a field, except Ctrl+Enter in the journal box.
      </p>
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
    </Modal>
  );
}
