import type { Db } from "../../db/database.js";
import type { AssetRow } from "../../db/schema-assets.js";
import { now } from "../../db/values.js";
import type { Actor } from "../identity/access.js";

export type AssetState = { status: string; user_id: number | null; location_id: number | null };

/** One line of the asset's timeline: what it was, what it became, who did it and why. */
export async function insertAssetEvent(db: Db, actor: Actor, row: Pick<AssetRow, "id" | "entity_id">, type: string,
  from: AssetState | null, to: AssetState, reason: string | null | undefined, at = now()): Promise<void> {
  await db.insertInto("asset_event").values({
    asset_id: row.id, entity_id: row.entity_id, event_type: type,
    from_status: from?.status ?? null, to_status: to.status,
    from_user_id: from?.user_id ?? null, to_user_id: to.user_id,
    from_location_id: from?.location_id ?? null, to_location_id: to.location_id,
    reason: reason || null, actor_id: actor.userId, created_at: at,
  }).execute();
}
