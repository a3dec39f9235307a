import type { Page } from "../../../shared/api/common.js";
import type { ContractAssetsBody, ContractAssetsResult, CoveredAsset } from "../../../shared/api/contracts.js";
import type { AssetStatus } from "../../../shared/domain/assets.js";
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { AppError } from "../../http/errors.js";
import { recordHistory } from "../history/history.service.js";
import { entityScope, inEntity, inScope } from "../identity/access.js";
import * as repo from "./contract.repo.js";
import { loadContract } from "./contract.service.js";

function toCoveredAsset(row: repo.CoveredAssetRow): CoveredAsset {
  return {
    id: row.id, assetTag: row.asset_tag, name: row.name, kindName: row.kind_name, status: row.status as AssetStatus,
    locationName: row.location_name, userName: row.first_name === null ? null : `${row.first_name} ${row.last_name ?? ""}`.trim(),
    warrantyEnd: row.warranty_end,
  };
}

/** The assets a contract covers, by asset tag. */
export async function listCoveredAssets(ctx: Ctx, contractId: number, page: { limit: number; cursor?: string }): Promise<Page<CoveredAsset>> {
  await loadContract(ctx.db, ctx, contractId, "asset.read");
  let q = repo.selectCoveredAssets(ctx.db, contractId).where(inScope("a.entity_id", entityScope(ctx.actor, "asset.read")));
  if (page.cursor) {
    const [tag, id] = decodeCursor(page.cursor, ["string", "number"]);
    q = q.where((eb) => eb(eb.refTuple("a.asset_tag", "a.id"), ">", eb.tuple(tag as string, id as number)));
  }
  const rows = await q.orderBy("a.asset_tag").orderBy("a.id").limit(page.limit + 1).execute();
  return toPage(rows, page.limit, toCoveredAsset, (r) => [r.asset_tag, r.id]);
}

/**
 * The given assets that the contract may cover: of its entity or a sub-entity, and readable by
 * the actor. Any other id is refused with its position, so the form can point at it.
 */
async function usableAssets(db: Db, ctx: Ctx, entityId: number, assetIds: number[]) {
  const ids = [...new Set(assetIds)];
  const rows = await db.selectFrom("asset as a").select(["a.id", "a.asset_tag"]).where("a.id", "in", ids)
    .where(inEntity("a.entity_id", entityId, true)).where(inScope("a.entity_id", entityScope(ctx.actor, "asset.read"))).execute();
  const found = new Set(rows.map((r) => r.id));
  const issues = assetIds.flatMap((id, i) => (found.has(id) ? [] : [{ path: `body.assetIds.${i}`, message: `asset ${id} is not usable in this contract's entity` }]));
  if (issues.length > 0) throw new AppError("VALIDATION_FAILED", "Some assets cannot be covered by this contract", issues);
  return rows;
}

/** Covers these assets (up to CONTRACT_ASSETS_MAX at once); those already covered are left as they are. */
export async function attachAssets(ctx: Ctx, contractId: number, body: ContractAssetsBody): Promise<ContractAssetsResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const contract = await loadContract(trx, ctx, contractId, "asset.manage");
    const assets = await usableAssets(trx, ctx, contract.entity_id, body.assetIds);
    const already = new Set((await trx.selectFrom("contract_asset").select("asset_id").where("contract_id", "=", contractId)
      .where("asset_id", "in", assets.map((a) => a.id)).execute()).map((r) => r.asset_id));
    const added = assets.filter((a) => !already.has(a.id));
    if (added.length > 0) {
      const at = now();
      await trx.insertInto("contract_asset").values(added.map((a) => ({ contract_id: contractId, asset_id: a.id, created_at: at })))
        // Two managers adding the same asset at once: the second insert is a no-op, not an error.
        .onConflict((oc) => oc.columns(["contract_id", "asset_id"]).doNothing()).execute();
      await recordHistory(trx, ctx.actor, { recordType: "contract", recordId: contractId, entityId: contract.entity_id, action: "link",
        field: "assets", label: added.map((a) => a.asset_tag).join(", ") });
    }
    return { changed: added.length, assetCount: await repo.countContractAssets(trx, contractId) };
  });
}

/** Stops covering these assets; ids not covered are ignored. */
export async function detachAssets(ctx: Ctx, contractId: number, body: ContractAssetsBody): Promise<ContractAssetsResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const contract = await loadContract(trx, ctx, contractId, "asset.manage");
    const covered = await trx.selectFrom("contract_asset as ca").innerJoin("asset as a", "a.id", "ca.asset_id")
      .select(["a.id", "a.asset_tag"]).where("ca.contract_id", "=", contractId).where("ca.asset_id", "in", [...new Set(body.assetIds)]).execute();
    if (covered.length > 0) {
      await trx.deleteFrom("contract_asset").where("contract_id", "=", contractId).where("asset_id", "in", covered.map((a) => a.id)).execute();
      await recordHistory(trx, ctx.actor, { recordType: "contract", recordId: contractId, entityId: contract.entity_id, action: "unlink",
        field: "assets", label: covered.map((a) => a.asset_tag).join(", ") });
    }
    return { changed: covered.length, assetCount: await repo.countContractAssets(trx, contractId) };
  });
}
