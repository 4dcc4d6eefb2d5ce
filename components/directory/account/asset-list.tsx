import { AdminTable } from "@/components/admin/admin-table";
import { hrefWith } from "@/lib/query-string";
import { SectionSearch } from "./section-search";
import { EditAsset, NewAsset, type AssetRow } from "./assets";

/**
 * SET-2: the account's install base — number, name, serial number — searched by any of them, 50 a
 * page, with Edit and New asset. (The first 200 by name were all it showed: an import of 500 left
 * the rest to the Table API.)
 */
export function AccountAssets({
  accountNumber,
  accountId,
  accountActive,
  assets,
  pageSize,
}: {
  accountNumber: string;
  accountId: number;
  accountActive: boolean;
  assets: { rows: AssetRow[]; total: number; page: number; q: string };
  pageSize: number;
}) {
  const path = `/admin/accounts/${accountNumber}`;
  return (
    <div className="space-y-4">
      <SectionSearch
        path={path}
        name="assetQ"
        label="Search assets"
        value={assets.q}
        placeholder="Name, number or serial number"
      />
      <AdminTable
        label="Assets"
        columns={["Asset", "Serial number", ""]}
        empty={assets.q ? "No assets match." : "No assets yet."}
        list={assets}
        pageSize={pageSize}
        hrefFor={(p) => hrefWith(path, { assetQ: assets.q, assetPage: p })}
      >
        {assets.rows.map((a) => (
          <tr key={a.id}>
            <td>
              <div className="font-medium text-slate-900">{a.name}</div>
              <div className="text-xs text-slate-500">{a.number}</div>
            </td>
            <td>{a.serialNumber ?? <span className="text-slate-400">—</span>}</td>
            <td>
              <EditAsset asset={a} accountId={accountId} />
            </td>
          </tr>
        ))}
      </AdminTable>
      {accountActive && <NewAsset accountId={accountId} />}
    </div>
  );
}
