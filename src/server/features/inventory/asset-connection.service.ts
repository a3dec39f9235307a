/**
 * Devices plugged into computers, as technicians see and change them: a computer's monitors and
 * printers, the computer a device is on, connecting one by hand and disconnecting it. Inventories
 * make and close their own connections (store/attached-devices.ts); a connection made here is
 * "manual" and no inventory closes it.
 */
import {
  type AssetConnection, type ConnectedAsset, type CreateAssetConnectionBody, CONNECTABLE_FAMILIES,
} from "../../../shared/api/asset-connections.js";
import type { Page } from "../../../shared/api/common.js";
import type { Db } from "../../db/database.js";
import { lockNames } from "../../db/dialect.js";
import type { AssetConnectionRow, AssetRow } from "../../db/schema-assets.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { AppError, notFound } from "../../http/errors.js";
import { loadReadableAsset, loadWritableAsset } from "../assets/asset-access.js";
import { selectAssetSummaries, toAssetSummary } from "../assets/asset.repo.js";
import { type Actor, assertCan, entityScope, inScope } from "../identity/access.js";
import { closeConnection, findOpenConnectionOfDevice, openConnection } from "./asset-connection.repo.js";
import { deviceLockName } from "./store/attached-device-values.js";

type ConnectionRow = Pick<AssetConnectionRow, "id" | "asset_id" | "device_id" | "source" | "connected_at">;

/** Both ends of each connection that the caller may read; a connection to an asset out of reach is not shown. */
async function present(db: Db, actor: Actor, rows: ConnectionRow[]): Promise<Map<number, AssetConnection>> {
  const ids = [...new Set(rows.flatMap((row) => [row.asset_id, row.device_id]))];
  const ends = new Map<number, ConnectedAsset>();
  if (ids.length > 0) {
    const summaries = await selectAssetSummaries(db).where("a.id", "in", ids).where(inScope("a.entity_id", entityScope(actor, "asset.read"))).execute();
    for (const row of summaries.map(toAssetSummary)) {
      ends.set(row.id, { id: row.id, assetTag: row.assetTag, name: row.name, family: row.family, kindCode: row.kindCode, kindName: row.kindName, serial: row.serial,
        manufacturerName: row.manufacturerName, modelName: row.modelName, entityName: row.entityName });
    }
  }
  const shown = new Map<number, AssetConnection>();
  for (const row of rows) {
    const computer = ends.get(row.asset_id);
    const device = ends.get(row.device_id);
    if (computer && device) shown.set(row.id, { id: row.id, source: row.source, connectedAt: row.connected_at, computer, device });
  }
  return shown;
}

const CONNECTION_COLUMNS = ["id", "asset_id", "device_id", "source", "connected_at"] as const;

/** The asset's open connections, newest first: a computer's devices, or the computer a device is on. */
export async function listAssetConnections(ctx: Ctx, assetId: number, page: { limit: number; cursor?: string }): Promise<Page<AssetConnection>> {
  await loadReadableAsset(ctx.db, ctx.actor, assetId);
  let q = ctx.db.selectFrom("asset_connection").select(CONNECTION_COLUMNS)
    .where((eb) => eb.or([eb("asset_id", "=", assetId), eb("device_id", "=", assetId)])).where("disconnected_at", "is", null);
  if (page.cursor) q = q.where("id", "<", decodeCursor(page.cursor, ["number"])[0] as number);
  const rows = await q.orderBy("id", "desc").limit(page.limit + 1).execute();
  const shown = await present(ctx.db, ctx.actor, rows);
  const result = toPage(rows, page.limit, (row) => shown.get(row.id), (row) => [row.id]);
  return { data: result.data.filter((row): row is AssetConnection => row !== undefined), nextCursor: result.nextCursor };
}

/** A computer takes screens, printers, peripherals and phones; ASSET_CONNECTION_REFUSED otherwise. */
async function checkConnectable(trx: Db, computer: AssetRow, device: AssetRow): Promise<void> {
  const kinds = await trx.selectFrom("asset_kind").select(["id", "family"]).where("id", "in", [computer.kind_id, device.kind_id]).execute();
  const familyOf = (kindId: number) => kinds.find((kind) => kind.id === kindId)?.family ?? "";
  if (familyOf(computer.kind_id) !== "computer") {
    throw new AppError("ASSET_CONNECTION_REFUSED", `Asset ${computer.id} is not a computer: devices are connected to computers`);
  }
  if (!(CONNECTABLE_FAMILIES as readonly string[]).includes(familyOf(device.kind_id))) {
    throw new AppError("ASSET_CONNECTION_REFUSED", `Asset ${device.id} is not a monitor, printer, peripheral or phone`);
  }
}

async function getConnection(ctx: Ctx, id: number): Promise<AssetConnection> {
  const row = await ctx.db.selectFrom("asset_connection").select(CONNECTION_COLUMNS).where("id", "=", id).executeTakeFirstOrThrow();
  const shown = (await present(ctx.db, ctx.actor, [row])).get(id);
  if (!shown) throw notFound("ASSET_CONNECTION_NOT_FOUND", `Connection ${id}`);
  return shown;
}

function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === "23505" || /UNIQUE constraint failed/.test(message ?? "");
}

/**
 * Connects a device to the computer by hand: asset.write on both. A device already on this
 * computer is answered as is; one on another computer is ASSET_ALREADY_CONNECTED (disconnect it first).
 */
export async function connectDevice(ctx: Ctx, assetId: number, body: CreateAssetConnectionBody): Promise<AssetConnection> {
  let id: number;
  try {
    id = await ctx.db.transaction().execute(async (trx) => {
      const computer = await loadWritableAsset(trx, ctx.actor, assetId);
      const device = await loadWritableAsset(trx, ctx.actor, body.deviceId);
      await checkConnectable(trx, computer, device);
      // The inventories linking this device wait, and then see this connection (PostgreSQL).
      if (device.serial) await lockNames(trx, [deviceLockName(device.serial)]);
      const current = await findOpenConnectionOfDevice(trx, device.id);
      if (current?.asset_id === computer.id) return current.id;
      if (current) throw new AppError("ASSET_ALREADY_CONNECTED", `Asset ${device.id} is connected to ${current.asset_tag}: disconnect it first`);
      return (await openConnection(trx, ctx.actor, computer, device, "manual", now())).id;
    });
  } catch (error) {
    // Two people (or an inventory) connected the device at once: the unique index kept one.
    if (isUniqueViolation(error)) throw new AppError("ASSET_ALREADY_CONNECTED", `Asset ${body.deviceId} was connected meanwhile`);
    throw error;
  }
  return getConnection(ctx, id);
}

/** Disconnects: asset.write on both ends. An inventory that still reports the device connects it again. */
export async function disconnectDevice(ctx: Ctx, assetId: number, connectionId: number): Promise<{ ok: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    await loadReadableAsset(trx, ctx.actor, assetId);
    const row = await trx.selectFrom("asset_connection").select(CONNECTION_COLUMNS).where("id", "=", connectionId)
      .where((eb) => eb.or([eb("asset_id", "=", assetId), eb("device_id", "=", assetId)])).where("disconnected_at", "is", null).executeTakeFirst();
    if (!row) throw notFound("ASSET_CONNECTION_NOT_FOUND", `Connection ${connectionId} of asset ${assetId}`);
    const computer = await loadReadableAsset(trx, ctx.actor, row.asset_id);
    const device = await loadReadableAsset(trx, ctx.actor, row.device_id);
    await assertCan(trx, ctx.actor, "asset.write", computer.entity_id);
    await assertCan(trx, ctx.actor, "asset.write", device.entity_id);
    if (!(await closeConnection(trx, ctx.actor, row.id, computer, device, now()))) {
      throw notFound("ASSET_CONNECTION_NOT_FOUND", `Connection ${connectionId} of asset ${assetId}`);
    }
  });
  return { ok: true };
}
