import type { BulkAssetBody } from "../../../shared/api/assets.js";
import type { Ctx } from "../../http/context.js";
import { loadWritableAsset } from "./asset-access.js";
import { applyOperation } from "./asset-operations.js";

/**
 * The same change to many assets from the list, all or nothing: one refused asset (rights,
 * transition, disposed) rolls the whole batch back, so the list never ends half-changed.
 * Each asset still gets its own line on its timeline.
 */
export async function bulkChangeAssets(ctx: Ctx, body: BulkAssetBody): Promise<{ updated: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    let updated = 0;
    for (const id of [...new Set(body.ids)]) {
      const row = await loadWritableAsset(trx, ctx.actor, id);
      if (await applyOperation(trx, ctx.actor, row, { ...body.change, reason: body.reason, version: row.version })) updated++;
    }
    return { updated };
  });
}
