import type { Db } from "../../db/database.js";
import { AppError, notFound } from "../../http/errors.js";
import { visibleIn } from "../../db/tree.js";

export type TicketCategoryDefaults = {
  id: number;
  defaultType: string | null;
  defaultGroupId: number | null;
  defaultUrgency: number | null;
  defaultImpact: number | null;
};

/**
 * The category a ticket of `entityId` may be filed under, with the defaults it brings: one
 * lookup by primary key, its visibility checked through the entity closure's primary key.
 * A category of another branch is answered as absent, so its existence does not leak; a
 * requester only gets the ones shown on the portal.
 */
export async function findCategoryForTicket(db: Db, categoryId: number, entityId: number, opts: { portal: boolean }): Promise<TicketCategoryDefaults> {
  const row = await db.selectFrom("ticket_category as c")
    .select(["c.id", "c.is_active", "c.in_portal", "c.default_type", "c.default_group_id", "c.default_urgency", "c.default_impact"])
    .where("c.id", "=", categoryId)
    .where(visibleIn("c.entity_id", entityId))
    .executeTakeFirst();
  if (!row || (opts.portal && row.in_portal !== 1)) throw notFound("CATEGORY_NOT_FOUND", `Category ${categoryId}`);
  if (row.is_active !== 1) {
    throw new AppError("VALIDATION_FAILED", `Category ${categoryId} is no longer in use`, [{ path: "body.categoryId", message: "inactive category" }]);
  }
  return { id: row.id, defaultType: row.default_type, defaultGroupId: row.default_group_id,
    defaultUrgency: row.default_urgency, defaultImpact: row.default_impact };
}
