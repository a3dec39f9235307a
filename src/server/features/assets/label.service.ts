import type { Db } from "../../db/database.js";
import type { Ctx } from "../../http/context.js";
import { notFound } from "../../http/errors.js";
import { type Actor, entityScope, inScope } from "../identity/access.js";
import type { Label } from "./label-pdf.js";

/** The address a label's QR code opens: the asset's page in the web app. */
export function assetUrl(base: string, assetId: number): string {
  return `${base.replace(/\/+$/, "")}/assets/${assetId}`;
}

/**
 * The labels, in the order asked (each asset once). An id the caller may not read answers 404
 * like a missing one, for the whole sheet: a printed sheet never silently lacks a label, and
 * the answer does not tell another entity's asset from no asset.
 */
export async function loadLabels(ctx: Ctx, assetIds: number[], base: string): Promise<Label[]> {
  const ids = [...new Set(assetIds)];
  const rows = await ctx.db.selectFrom("asset as a").innerJoin("entity as e", "e.id", "a.entity_id")
    .select(["a.id", "a.asset_tag", "a.name", "e.name as entity_name"])
    .where("a.id", "in", ids).where(inScope("a.entity_id", entityScope(ctx.actor, "asset.read")))
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) throw notFound("ASSET_NOT_FOUND", `Asset ${missing.slice(0, 10).join(", ")}`);
  return ids.map((id) => {
    const row = byId.get(id)!;
    return { url: assetUrl(base, id), tag: row.asset_tag, name: row.name, entityName: row.entity_name };
  });
}

/**
 * The readable asset with this tag, as typed or in capitals (labels print tags in capitals,
 * people type them in lower case). A tag is unique within an entity only: when several of the
 * caller's entities use it, the oldest asset wins.
 */
export async function findAssetIdByTag(db: Db, actor: Actor, tag: string): Promise<number | undefined> {
  const variants = [...new Set([tag, tag.toUpperCase()])];
  const row = await db.selectFrom("asset as a").select("a.id")
    .where("a.asset_tag", "in", variants).where(inScope("a.entity_id", entityScope(actor, "asset.read")))
    .orderBy("a.id").limit(1).executeTakeFirst();
  return row?.id;
}

export async function getAssetIdByTag(ctx: Ctx, tag: string): Promise<{ id: number }> {
  const id = await findAssetIdByTag(ctx.db, ctx.actor, tag);
  if (id === undefined) throw notFound("ASSET_NOT_FOUND", `Asset tagged ${tag}`);
  return { id };
}
