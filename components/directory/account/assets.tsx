"use client";
import { useState } from "react";
import { createAssetAction, updateAssetAction } from "@/app/(workspace)/admin/accounts/actions";
import { Button } from "@/components/ui/button";
import { DialogForm } from "@/components/ui/dialog-form";
import { TextField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

export type AssetRow = {
  id: number;
  number: string;
  name: string;
  serialNumber: string | null;
  version: number;
};

function AssetFields({
  asset,
  err,
  prefix,
}: {
  asset?: AssetRow;
  err: (f: string) => string | undefined;
  prefix: string;
}) {
  return (
    <>
      <TextField
        id={`${prefix}-name`}
        label="Name"
        name="name"
        required
        defaultValue={asset?.name}
        error={err("name")}
      />
      <TextField
        id={`${prefix}-serial`}
        label="Serial number"
        name="serialNumber"
        defaultValue={asset?.serialNumber ?? ""}
        error={err("serialNumber")}
      />
    </>
  );
}

/** SET-2: New asset on the account's page. */
export function NewAsset({ accountId }: { accountId: number }) {
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<{ ok: boolean; message?: string } | null>(null);
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
      <h3 className="mb-2 text-sm font-semibold text-slate-700">New asset</h3>
      <Notice result={done} />
      <NewAssetForm key={round} accountId={accountId} onDone={(r) => (setDone(r), setRound((n) => n + 1))} />
    </div>
  );
}

function NewAssetForm({
  accountId,
  onDone,
}: {
  accountId: number;
  onDone: (r: { ok: boolean; message?: string }) => void;
}) {
  const { result, pending, fieldError: err, formProps } = useActionForm(createAssetAction, onDone);
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-3" noValidate>
      {result && !result.ok && !result.fieldErrors && <Notice result={result} />}
      <input type="hidden" name="accountId" value={accountId} />
      <AssetFields err={err} prefix="new-asset" />
      <SubmitButton pending={pending} pendingText="Adding…">
        Add asset
      </SubmitButton>
    </form>
  );
}

/** SET-2: Edit an asset of the account, in a dialog. */
export function EditAsset({ asset, accountId }: { asset: AssetRow; accountId: number }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)} aria-label={`Edit ${asset.name}`}>
        Edit
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={`Edit ${asset.name} (${asset.number})`}>
        <DialogForm
          action={updateAssetAction}
          onDone={() => setOpen(false)}
          onCancel={() => setOpen(false)}
          submit="Save"
          pendingText="Saving…"
        >
          {(err) => (
            <div className="space-y-3">
              <input type="hidden" name="assetNumber" value={asset.number} />
              <input type="hidden" name="accountId" value={accountId} />
              <input type="hidden" name="version" value={asset.version} />
              <AssetFields asset={asset} err={err} prefix={`edit-asset-${asset.id}`} />
              {err("version") && (
                <p role="alert" className="text-sm text-red-700">
                  {err("version")}
                </p>
              )}
            </div>
          )}
        </DialogForm>
      </Modal>
    </>
  );
}
