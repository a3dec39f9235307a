/**
 * Moves for other parts of the fleet: the physical inventory's "fix locations" puts the assets
 * found in a room where they were found, each with its own line on the timeline.
 */
import type { Db } from "../../db/database.js";
import type { Actor } from "../identity/access.js";
import { loadWritableAsset } from "./asset-access.js";
import { applyOperation } from "./asset-operations.js";

/**
 * Moves each asset to `locationId` inside the caller's transaction; checks asset.write on each
 * and that the location is usable in its entity. Returns how many moved (those already there
 * are left alone and record nothing).
 */
export async function moveAssets(trx: Db, actor: Actor, assetIds: number[], locationId: number, reason: string): Promise<number> {
  let moved = 0;
  for (const id of [...new Set(assetIds)]) {
    const row = await loadWritableAsset(trx, actor, id);
    if (await applyOperation(trx, actor, row, { type: "move", locationId, reason, version: row.version })) moved++;
  }
  return moved;
}
