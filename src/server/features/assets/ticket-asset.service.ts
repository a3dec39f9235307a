/**
 * Tickets and assets, both ways: the equipment a ticket is about, and the tickets an asset had.
 * Reading a ticket's assets follows the ticket's rights (its requester sees them on the portal);
 * linking is staff work on the ticket, with assets of the ticket's entity only.
 */
import type { AssetSummary, AssetTicket } from "../../../shared/api/assets.js";
import type { Page } from "../../../shared/api/common.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { recordHistory } from "../history/history.service.js";
import { entityScope, inScope } from "../identity/access.js";
import { loadReadableTicket, loadWritableTicket } from "../tickets/ticket-access.js";
import { loadReadableAsset } from "./asset-access.js";
import { contractAfterAssetsLinked } from "../sla/sla-contract.service.js";
import { selectAssetSummaries, toAssetSummary } from "./asset.repo.js";

/** A ticket is about a few devices; this bounds the list and the links all the same. */
export const TICKET_ASSETS_MAX = 200;

export async function listTicketAssets(ctx: Ctx, ticketId: number): Promise<{ data: AssetSummary[] }> {
  await loadReadableTicket(ctx.db, ctx.actor, ticketId);
  const rows = await selectAssetSummaries(ctx.db)
    .where("a.id", "in", ctx.db.selectFrom("ticket_asset").select("asset_id").where("ticket_id", "=", ticketId))
    .orderBy("a.asset_tag").orderBy("a.id").limit(TICKET_ASSETS_MAX).execute();
  return { data: rows.map(toAssetSummary) };
}

export async function linkTicketAssets(ctx: Ctx, ticketId: number, assetIds: number[]): Promise<{ data: AssetSummary[] }> {
  await ctx.db.transaction().execute(async (trx) => {
    const ticket = await loadWritableTicket(trx, ctx.actor, ticketId);
    for (const assetId of [...new Set(assetIds)]) {
      const asset = await loadReadableAsset(trx, ctx.actor, assetId);
      if (asset.entity_id !== ticket.entity_id) {
        throw new AppError("VALIDATION_FAILED", `Asset ${assetId} is not of the ticket's entity`, [{ path: "body.assetIds", message: "not of the ticket's entity" }]);
      }
      const known = await trx.selectFrom("ticket_asset").select("asset_id").where("ticket_id", "=", ticketId).where("asset_id", "=", assetId).executeTakeFirst();
      if (known) continue;
      await trx.insertInto("ticket_asset").values({ ticket_id: ticketId, asset_id: assetId, created_by: ctx.actor.userId, created_at: now() }).execute();
      await recordHistory(trx, ctx.actor, { recordType: "ticket", recordId: ticketId, entityId: ticket.entity_id, action: "link", field: "asset", label: asset.asset_tag });
    }
    const count = await trx.selectFrom("ticket_asset").select((eb) => eb.fn.countAll<number>().as("n")).where("ticket_id", "=", ticketId).executeTakeFirstOrThrow();
    if (Number(count.n) > TICKET_ASSETS_MAX) throw new AppError("VALIDATION_FAILED", `A ticket holds at most ${TICKET_ASSETS_MAX} assets`, [{ path: "body.assetIds", message: "too many" }]);
    await contractAfterAssetsLinked(trx, ctx.actor, ticket);
  });
  return listTicketAssets(ctx, ticketId);
}

export async function unlinkTicketAsset(ctx: Ctx, ticketId: number, assetId: number): Promise<{ data: AssetSummary[] }> {
  await ctx.db.transaction().execute(async (trx) => {
    const ticket = await loadWritableTicket(trx, ctx.actor, ticketId);
    const asset = await trx.selectFrom("asset").select("asset_tag").where("id", "=", assetId)
      .where("id", "in", trx.selectFrom("ticket_asset").select("asset_id").where("ticket_id", "=", ticketId)).executeTakeFirst();
    if (!asset) throw notFound("ASSET_NOT_FOUND", `Asset ${assetId} on ticket ${ticketId}`);
    await trx.deleteFrom("ticket_asset").where("ticket_id", "=", ticketId).where("asset_id", "=", assetId).execute();
    await recordHistory(trx, ctx.actor, { recordType: "ticket", recordId: ticketId, entityId: ticket.entity_id, action: "unlink", field: "asset", label: asset.asset_tag });
  });
  return listTicketAssets(ctx, ticketId);
}

/** The asset's tickets that the caller may read, newest first. */
export async function listAssetTickets(ctx: Ctx, assetId: number, page: { limit: number; cursor?: string }): Promise<Page<AssetTicket>> {
  await loadReadableAsset(ctx.db, ctx.actor, assetId);
  let q = ctx.db.selectFrom("ticket_asset as ta").innerJoin("ticket as t", "t.id", "ta.ticket_id")
    .select(["t.id", "t.title", "t.status", "t.priority", "t.created_at", "t.updated_at"])
    .where("ta.asset_id", "=", assetId).where(inScope("t.entity_id", entityScope(ctx.actor, "ticket.read")));
  if (page.cursor) q = q.where("t.id", "<", decodeCursor(page.cursor, ["number"])[0] as number);
  const rows = await q.orderBy("t.id", "desc").limit(page.limit + 1).execute();
  return toPage(rows, page.limit, (r) => ({ id: r.id, title: r.title, status: r.status, priority: r.priority, createdAt: r.created_at, updatedAt: r.updated_at }), (r) => [r.id]);
}
