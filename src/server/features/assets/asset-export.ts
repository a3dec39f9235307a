/**
 * The filtered list as a file: CSV (UTF-8 with BOM and ";" so that a French Excel opens it
 * right) or XLSX. Rows are read page by page on the list's keyset and streamed out, never held
 * whole; the export stops at ASSET_EXPORT_MAX rows.
 */
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { ASSET_EXPORT_MAX, type AssetSummary, type ExportAssetsQuery } from "../../../shared/api/assets.js";
import type { Ctx } from "../../http/context.js";
import { filteredAssetIds, idsOf, pageOfIds, rowsOf, ASSET_SORT_COLUMNS } from "./asset-list.service.js";
import { toAssetSummary } from "./asset.repo.js";

const BATCH = 1000;

const COLUMNS: [keyof AssetSummary, string, string][] = [
  ["assetTag", "Numéro d'inventaire", "Asset tag"], ["name", "Nom", "Name"], ["kindName", "Type", "Kind"],
  ["status", "Statut", "Status"], ["serial", "Numéro de série", "Serial number"], ["manufacturerName", "Fabricant", "Manufacturer"],
  ["modelName", "Modèle", "Model"], ["entityName", "Entité", "Entity"], ["locationName", "Lieu", "Location"],
  ["userName", "Utilisateur", "User"], ["groupName", "Groupe", "Group"], ["purchaseDate", "Date d'achat", "Purchase date"],
  ["warrantyEnd", "Fin de garantie", "Warranty end"], ["updatedAt", "Mis à jour le", "Updated at"],
];

const STATUS_FR: Record<string, string> = {
  ordered: "Commandé", in_stock: "En stock", in_use: "En service", in_repair: "En réparation", loaned: "Prêté", retired: "Réformé", disposed: "Éliminé",
};

function line(asset: AssetSummary, lang: "fr" | "en"): (string | number | null)[] {
  return COLUMNS.map(([key]) => (key === "status" && lang === "fr" ? (STATUS_FR[asset.status] ?? asset.status) : asset[key] as string | number | null));
}

/** The filtered assets in list order, a batch at a time, up to the cap. */
async function* assetsOf(ctx: Ctx, query: ExportAssetsQuery): AsyncGenerator<AssetSummary> {
  const base = await filteredAssetIds(ctx, query);
  const sort = ASSET_SORT_COLUMNS[query.sort];
  let cursor: (string | number)[] | undefined;
  let count = 0;
  while (count < ASSET_EXPORT_MAX) {
    const rows = await rowsOf(ctx.db, await idsOf(pageOfIds(base, query, Math.min(BATCH, ASSET_EXPORT_MAX - count), cursor)), query);
    for (const row of rows) yield toAssetSummary(row);
    count += rows.length;
    const last = rows[rows.length - 1];
    if (!last || rows.length < BATCH) return;
    cursor = sort.cursor(last);
  }
}

export function exportFileName(format: "csv" | "xlsx"): string {
  return `materiels-${new Date().toISOString().slice(0, 10)}.${format}`;
}

export async function exportAssetsCsv(ctx: Ctx, query: ExportAssetsQuery): Promise<Readable> {
  const assets = assetsOf(ctx, query);
  // The first batch is read before answering, so a bad filter is a 400 and not a broken download.
  const first = await assets.next();
  const csv = stringify({ delimiter: ";", bom: true, header: true, columns: COLUMNS.map((c) => (query.lang === "fr" ? c[1] : c[2])) });
  const rows = async function* () {
    if (!first.done) yield line(first.value, query.lang);
    for await (const asset of assets) yield line(asset, query.lang);
  };
  return Readable.from(rows()).pipe(csv);
}

/** XLSX is a zip: the streaming writer sends each row into it as it is read. */
export async function exportAssetsXlsx(ctx: Ctx, query: ExportAssetsQuery): Promise<PassThrough> {
  const assets = assetsOf(ctx, query);
  const first = await assets.next();
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false });
  const sheet = book.addWorksheet(query.lang === "fr" ? "Matériels" : "Assets");
  sheet.columns = COLUMNS.map(([key, fr, en]) => ({ header: query.lang === "fr" ? fr : en, key, width: 20 }));
  const fill = async () => {
    if (!first.done) sheet.addRow(line(first.value, query.lang)).commit();
    for await (const asset of assets) sheet.addRow(line(asset, query.lang)).commit();
    sheet.commit();
    await book.commit();
  };
  fill().catch((error: unknown) => {
    ctx.log.error({ err: error }, "asset export failed");
    out.destroy(error as Error);
  });
  return out;
}
