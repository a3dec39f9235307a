import type { AssetRow } from "../../db/schema-assets.js";
import type { Db } from "../../db/database.js";
import { AppError, notFound } from "../../http/errors.js";
import { type Actor, allows, assertCan, roleOn } from "../identity/access.js";
import { findAssetRow } from "./asset.repo.js";

/** An asset of an entity the actor cannot read is answered as missing: its existence does not leak. */
export async function loadReadableAsset(db: Db, actor: Actor, id: number): Promise<AssetRow> {
  const row = await findAssetRow(db, id);
  if (!row || !allows(await roleOn(db, actor, row.entity_id), "asset.read")) throw notFound("ASSET_NOT_FOUND", `Asset ${id}`);
  return row;
}

/** Readable, writable, and not disposed of: a disposed asset stays as it was, for good. */
export async function loadWritableAsset(db: Db, actor: Actor, id: number): Promise<AssetRow> {
  const row = await loadReadableAsset(db, actor, id);
  await assertCan(db, actor, "asset.write", row.entity_id);
  if (row.status === "disposed") throw new AppError("ASSET_DISPOSED", `Asset ${id} was disposed of and can no longer change`);
  return row;
}

export function checkVersion(row: AssetRow, version: number): void {
  if (row.version !== version) {
    throw new AppError("ASSET_VERSION_CONFLICT", `Asset ${row.id} changed meanwhile (version ${row.version}, you sent ${version})`);
  }
}

/** The tag is unique in the entity; the serial too, per manufacturer (two makers may number alike). */
export async function checkTagAndSerial(db: Db, entityId: number, tag: string | null, serial: { serial: string | null; manufacturerId: number | null } | null, exceptId = 0) {
  if (tag !== null) {
    const taken = await db.selectFrom("asset").select("id").where("entity_id", "=", entityId).where("asset_tag", "=", tag)
      .where("id", "!=", exceptId).executeTakeFirst();
    if (taken) throw new AppError("ASSET_TAG_TAKEN", `Tag ${tag} is already used in this entity`, [{ path: "body.assetTag", message: "already used" }]);
  }
  if (serial?.serial) {
    let q = db.selectFrom("asset").select("id").where("entity_id", "=", entityId).where("serial", "=", serial.serial).where("id", "!=", exceptId);
    q = serial.manufacturerId === null ? q.where("manufacturer_id", "is", null) : q.where("manufacturer_id", "=", serial.manufacturerId);
    if (await q.executeTakeFirst()) {
      throw new AppError("SERIAL_TAKEN", `Serial ${serial.serial} is already used for this manufacturer in this entity`, [{ path: "body.serial", message: "already used" }]);
    }
  }
}
