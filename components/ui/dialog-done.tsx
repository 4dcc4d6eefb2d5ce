"use client";
import { Button } from "./button";

/** A dialog's last step after its form succeeded: what happened (a status), any details, and Close. */
export function DialogDone({
  message,
  onClose,
  children,
}: {
  message: string;
  onClose: () => void;
  children?: React.ReactNode;
}) {
  return (
    <div className="space-y-4">
      <p role="status" className="text-sm">
        {message}
      </p>
      {children}
      <div className="flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
    </div>
  );
}
