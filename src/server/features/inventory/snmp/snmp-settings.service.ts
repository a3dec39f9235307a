/**
 * The low-supply alert's settings, one for the whole organisation (kept with the root entity, like
 * the fleet health's): the threshold, and whether a ticket is opened. Read by anyone who reads the
 * fleet; changed by an admin of the root entity.
 */
import { LOW_SUPPLY_PCT, type SnmpSettings, type SnmpSettingsBody, SnmpSettingsBodySchema } from "../../../../shared/api/snmp.js";
import type { Db } from "../../../db/database.js";
import type { Ctx } from "../../../http/context.js";
import { forbidden } from "../../../http/errors.js";
import { recordHistory } from "../../history/history.service.js";
import { entityScope } from "../../identity/access.js";
import { administeredRoot } from "../../identity/root-admin.js";

export const SNMP_SETTINGS_KEY = "inventory.snmp";
export const DEFAULT_SNMP_SETTINGS: SnmpSettingsBody = { lowSupplyPct: LOW_SUPPLY_PCT.default, openTickets: true };

export async function readSnmpSettings(db: Db): Promise<SnmpSettingsBody> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", SNMP_SETTINGS_KEY).executeTakeFirst();
  if (!row) return DEFAULT_SNMP_SETTINGS;
  try {
    const parsed = SnmpSettingsBodySchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_SNMP_SETTINGS;
  } catch {
    return DEFAULT_SNMP_SETTINGS;
  }
}


export async function getSnmpSettings(ctx: Ctx): Promise<SnmpSettings> {
  entityScope(ctx.actor, "asset.read");
  return { ...(await readSnmpSettings(ctx.db)), canManage: (await administeredRoot(ctx.db, ctx)) !== undefined };
}

export async function updateSnmpSettings(ctx: Ctx, body: SnmpSettingsBody): Promise<SnmpSettings> {
  await ctx.db.transaction().execute(async (trx) => {
    const rootId = await administeredRoot(trx, ctx);
    if (rootId === undefined) throw forbidden();
    const oldValue = JSON.stringify(await readSnmpSettings(trx));
    const value = JSON.stringify(body);
    await trx.insertInto("setting").values({ key: SNMP_SETTINGS_KEY, value }).onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
    if (oldValue !== value) {
      await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: rootId, entityId: rootId, action: "update",
        changes: [{ field: "snmpSettings", oldValue, newValue: value }] });
    }
  });
  return getSnmpSettings(ctx);
}
