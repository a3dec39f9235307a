/**
 * A machine's installations, kept as one row (asset_software_list): an inventory writes its 800
 * software in one statement instead of 800 rows, and the machine's page reads them the same way.
 * The catalogue's side — counts and machines per version — is folded from software_change
 * (software-rollup.ts).
 */
import type { Db } from "../../../db/database.js";
import { queueSoftwareChange } from "./software-rollup.js";

export type Installation = { versionId: number; softwareId: number; installDate: string | null; arch: string | null };

type Packed = [number, number, string | null, string | null];

/** By version id: two lists of the same installations are the same text. */
export function encodeInstallations(list: readonly Installation[]): string {
  const packed: Packed[] = list.map((i) => [i.versionId, i.softwareId, i.installDate, i.arch]);
  return JSON.stringify(packed.sort((a, b) => a[0] - b[0]));
}

export function decodeInstallations(text: string): Installation[] {
  return (JSON.parse(text) as Packed[]).map(([versionId, softwareId, installDate, arch]) => ({ versionId, softwareId, installDate, arch }));
}

/** The machine's installations; none for a machine never inventoried. */
export async function readInstallations(db: Db, assetId: number): Promise<Installation[]> {
  const row = await db.selectFrom("asset_software_list").select("installations").where("asset_id", "=", assetId).executeTakeFirst();
  return row ? decodeInstallations(row.installations) : [];
}

/** These machines' installations, by asset id. */
export async function readInstallationsOf(db: Db, assetIds: readonly number[]): Promise<Map<number, Installation[]>> {
  if (assetIds.length === 0) return new Map();
  const rows = await db.selectFrom("asset_software_list").select(["asset_id", "installations"]).where("asset_id", "in", [...assetIds]).execute();
  return new Map(rows.map((row) => [row.asset_id, decodeInstallations(row.installations)]));
}

export async function writeInstallations(trx: Db, assetId: number, list: readonly Installation[]): Promise<void> {
  const installations = encodeInstallations(list);
  await trx.insertInto("asset_software_list").values({ asset_id: assetId, installations })
    .onConflict((oc) => oc.column("asset_id").doUpdateSet({ installations })).execute();
}

/** Adds one installation to a machine, counted in the catalogue at its next fold (imports, tests). */
export async function addInstallation(trx: Db, asset: { id: number; entity_id: number }, installation: Installation): Promise<void> {
  const list = (await readInstallations(trx, asset.id)).filter((i) => i.versionId !== installation.versionId);
  await writeInstallations(trx, asset.id, [...list, installation]);
  await queueSoftwareChange(trx, asset, [installation.versionId], []);
}
