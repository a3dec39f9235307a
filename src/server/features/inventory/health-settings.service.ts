/**
 * The health signals' settings: the thresholds and whether the daily job opens tickets. Everyone
 * who reads the fleet reads them (they explain the lists); only an admin of the root entity
 * changes them, as they decide for every entity which machines count as failing.
 */
import {
  DISK_FULL_PCT, type HealthSettings, type HealthSettingsBody, HealthSettingsBodySchema, SILENT_DAYS, TICKET_PRIORITY_DEFAULT,
} from "../../../shared/api/inventory-health.js";
import type { Db } from "../../db/database.js";
import type { Ctx } from "../../http/context.js";
import { forbidden } from "../../http/errors.js";
import { findCategoryForTicket } from "../categories/category-use.js";
import { recordHistory } from "../history/history.service.js";
import { entityScope } from "../identity/access.js";
import { administeredRoot } from "../identity/root-admin.js";

export const HEALTH_SETTINGS_KEY = "inventory.health";

export const DEFAULT_HEALTH_SETTINGS: HealthSettingsBody = {
  diskFullPct: DISK_FULL_PCT.default,
  silentDays: SILENT_DAYS.default,
  ticket: { enabled: false, categoryId: null, priority: TICKET_PRIORITY_DEFAULT },
};

/** The stored settings, or the defaults (also for a value an older version stored and no longer reads). */
export async function readHealthSettings(db: Db): Promise<HealthSettingsBody> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", HEALTH_SETTINGS_KEY).executeTakeFirst();
  if (!row) return DEFAULT_HEALTH_SETTINGS;
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch {
    return DEFAULT_HEALTH_SETTINGS;
  }
  const parsed = HealthSettingsBodySchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_HEALTH_SETTINGS;
}

/** The root's id when the actor is an admin there, else undefined. */

async function present(db: Db, ctx: Ctx, settings: HealthSettingsBody): Promise<HealthSettings> {
  const { categoryId } = settings.ticket;
  const category = categoryId === null ? undefined
    : await db.selectFrom("ticket_category").select("complete_name").where("id", "=", categoryId).executeTakeFirst();
  return { ...settings, ticket: { ...settings.ticket, categoryName: category?.complete_name ?? null },
    canManage: (await administeredRoot(db, ctx)) !== undefined };
}

export async function getHealthSettings(ctx: Ctx): Promise<HealthSettings> {
  entityScope(ctx.actor, "asset.read");
  return present(ctx.db, ctx, await readHealthSettings(ctx.db));
}

/**
 * Saves the settings (admin of the root entity). The tickets' category must be one of the
 * root's, so a ticket of any entity may be filed under it: another answers CATEGORY_NOT_FOUND.
 */
export async function updateHealthSettings(ctx: Ctx, body: HealthSettingsBody): Promise<HealthSettings> {
  await ctx.db.transaction().execute(async (trx) => {
    const rootId = await administeredRoot(trx, ctx);
    if (rootId === undefined) throw forbidden();
    if (body.ticket.categoryId !== null) await findCategoryForTicket(trx, body.ticket.categoryId, rootId, { portal: false });
    const before = await readHealthSettings(trx);
    const value = JSON.stringify(body);
    await trx.insertInto("setting").values({ key: HEALTH_SETTINGS_KEY, value })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
    const oldValue = JSON.stringify(before);
    if (oldValue !== value) {
      await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: rootId, entityId: rootId, action: "update",
        changes: [{ field: "inventoryHealth", oldValue, newValue: value }] });
    }
  });
  return getHealthSettings(ctx);
}
