/**
 * Opening and closing a connection between a computer and a device, with the history on both
 * assets ("ECR-2026-00012 DELL P2419H" added to the computer, then removed when unplugged).
 * Shared by inventories (store/attached-devices.ts) and technicians (asset-connection.service.ts).
 */
import type { Db } from "../../db/database.js";
import type { AssetConnectionRow, AssetRow } from "../../db/schema-assets.js";
import { recordHistory } from "../history/history.service.js";
import type { Actor } from "../identity/access.js";

export type ConnectionEnd = Pick<AssetRow, "id" | "entity_id" | "asset_tag" | "name">;

const labelOf = (asset: ConnectionEnd) => `${asset.asset_tag} ${asset.name}`;

async function recordBoth(trx: Db, actor: Actor | undefined, action: "link" | "unlink", computer: ConnectionEnd, device: ConnectionEnd) {
  await recordHistory(trx, actor, { recordType: "asset", recordId: computer.id, entityId: computer.entity_id, action, field: "connectedDevice", label: labelOf(device) });
  await recordHistory(trx, actor, { recordType: "asset", recordId: device.id, entityId: device.entity_id, action, field: "connectedTo", label: labelOf(computer) });
}

export async function openConnection(
  trx: Db, actor: Actor | undefined, computer: ConnectionEnd, device: ConnectionEnd, source: AssetConnectionRow["source"], at: string,
): Promise<AssetConnectionRow> {
  const row = await trx.insertInto("asset_connection").values({
    asset_id: computer.id, device_id: device.id, entity_id: computer.entity_id, source, connected_at: at, disconnected_at: null,
  }).returningAll().executeTakeFirstOrThrow();
  await recordBoth(trx, actor, "link", computer, device);
  return row;
}

/** Closes an open connection; false when it was closed meanwhile (nothing is recorded then). */
export async function closeConnection(
  trx: Db, actor: Actor | undefined, connectionId: number, computer: ConnectionEnd, device: ConnectionEnd, at: string,
): Promise<boolean> {
  const result = await trx.updateTable("asset_connection").set({ disconnected_at: at })
    .where("id", "=", connectionId).where("disconnected_at", "is", null).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await recordBoth(trx, actor, "unlink", computer, device);
  return true;
}

/** The open connection of a device, with the computer it is plugged into. */
export function findOpenConnectionOfDevice(trx: Db, deviceId: number) {
  return trx.selectFrom("asset_connection as c").innerJoin("asset as a", "a.id", "c.asset_id")
    .select(["c.id", "c.asset_id", "c.source", "a.entity_id", "a.asset_tag", "a.name"])
    .where("c.device_id", "=", deviceId).where("c.disconnected_at", "is", null).executeTakeFirst();
}
