/**
 * The operations (mouvements) that change where an asset is, who has it and where it stands in
 * its life cycle. Each one is checked against ASSET_TRANSITIONS, writes one line of the
 * timeline with its reason, bumps the version and records the changed fields in the history.
 */
import { type Asset, type AssetOperationBody, AssetOperationBodySchema } from "../../../shared/api/assets.js";
import { ASSET_TRANSITIONS, type AssetStatus } from "../../../shared/domain/assets.js";
import type { Db } from "../../db/database.js";
import type { AssetRow } from "../../db/schema-assets.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError } from "../../http/errors.js";
import { diffFields, recordHistory } from "../history/history.service.js";
import { type Actor, assertCan } from "../identity/access.js";
import { checkVersion, loadWritableAsset } from "./asset-access.js";
import { insertAssetEvent } from "./asset-event.repo.js";
import { checkUserInReach } from "./asset-refs.js";
import { presentAsset } from "./asset.repo.js";
import { checkLocationUsable } from "./reference-use.js";

export type Operation = ReturnType<typeof AssetOperationBodySchema.parse>;

type Next = {
  status: string; user_id: number | null; location_id: number | null; loan_due_at: string | null;
  disposed_at?: string | null; recycler?: string | null; disposal_certificate?: string | null;
};

function refuse(row: AssetRow, to: string, why = "not allowed from this status"): never {
  throw new AppError("ASSET_TRANSITION_REFUSED", `Asset ${row.id}: ${row.status} → ${to} ${why}`,
    [{ path: "body.type", message: `${row.status} → ${to}: ${why}` }]);
}

function checkTransition(row: AssetRow, to: AssetStatus): void {
  if (row.status !== to && !ASSET_TRANSITIONS[row.status as AssetStatus].includes(to)) refuse(row, to);
}

/** Going back to stock or out of service ends any assignment or loan. */
function afterStatus(row: AssetRow, status: AssetStatus): Next {
  const released = status === "in_stock" || status === "retired";
  return { status, user_id: released ? null : row.user_id, location_id: row.location_id, loan_due_at: null };
}

/** Assigning hands a stocked asset out; taking it back (null) returns an asset in use to stock. */
function afterAssign(row: AssetRow, userId: number | null, locationId: number | null | undefined): Next {
  if (row.status === "loaned") refuse(row, "assign", "(return the loan first)");
  if (row.status === "retired" && userId !== null) refuse(row, "in_use", "(put it back in stock first)");
  let status = row.status;
  if (userId !== null && (status === "in_stock" || status === "ordered")) status = "in_use";
  if (userId === null && status === "in_use") status = "in_stock";
  return { status, user_id: userId, location_id: locationId === undefined ? row.location_id : locationId, loan_due_at: null };
}

async function nextOf(db: Db, actor: Actor, row: AssetRow, op: Operation): Promise<Next> {
  const base = { status: row.status, user_id: row.user_id, location_id: row.location_id, loan_due_at: row.loan_due_at };
  switch (op.type) {
    case "status": checkTransition(row, op.status); return afterStatus(row, op.status);
    case "assign": return afterAssign(row, op.userId, op.locationId);
    case "move": return { ...base, location_id: op.locationId };
    case "loan":
      if (row.status !== "in_stock") refuse(row, "loaned", "(only an asset in stock is lent)");
      if (op.dueAt < now().slice(0, 10)) throw new AppError("VALIDATION_FAILED", "The due date is past", [{ path: "body.dueAt", message: "in the past" }]);
      return { status: "loaned", user_id: op.userId, location_id: row.location_id, loan_due_at: op.dueAt };
    case "return":
      if (row.status !== "loaned") refuse(row, "in_stock", "(the asset is not on loan)");
      return { status: "in_stock", user_id: null, location_id: op.locationId === undefined ? row.location_id : op.locationId, loan_due_at: null };
    case "dispose":
      // Disposal is a decision of the fleet's manager (DEEE paperwork), not of every technician.
      await assertCan(db, actor, "asset.manage", row.entity_id);
      checkTransition(row, "disposed");
      return { status: "disposed", user_id: null, location_id: row.location_id, loan_due_at: null,
        disposed_at: op.disposedAt, recycler: op.recycler, disposal_certificate: op.certificate };
  }
}

const historyOf = (s: Partial<Next>) => ({ status: s.status, userId: s.user_id, locationId: s.location_id, loanDueAt: s.loan_due_at,
  disposedAt: s.disposed_at, recycler: s.recycler, disposalCertificate: s.disposal_certificate });

/**
 * Applies one operation to a writable asset inside the caller's transaction. Returns false when
 * it changes nothing (moving an asset where it already is), which records nothing.
 */
export async function applyOperation(db: Db, actor: Actor, row: AssetRow, op: Operation): Promise<boolean> {
  const next = await nextOf(db, actor, row, op);
  if (next.user_id !== null && next.user_id !== row.user_id) await checkUserInReach(db, actor, next.user_id, row.entity_id);
  if (next.location_id !== null && next.location_id !== row.location_id) await checkLocationUsable(db, next.location_id, row.entity_id);
  const changes = diffFields(historyOf(row), historyOf(next));
  if (changes.length === 0) return false;
  const at = now();
  const result = await db.updateTable("asset").set({ ...next, version: row.version + 1, updated_at: at })
    .where("id", "=", row.id).where("version", "=", row.version).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError("ASSET_VERSION_CONFLICT", `Asset ${row.id} changed meanwhile`);
  await insertAssetEvent(db, actor, row, op.type, row, next, op.reason, at);
  await recordHistory(db, actor, { recordType: "asset", recordId: row.id, entityId: row.entity_id, action: "update", changes });
  return true;
}

export async function operateAsset(ctx: Ctx, id: number, input: AssetOperationBody): Promise<Asset> {
  const op = AssetOperationBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableAsset(trx, ctx.actor, id);
    checkVersion(row, op.version);
    await applyOperation(trx, ctx.actor, row, op);
  });
  return presentAsset(ctx.db, id);
}
