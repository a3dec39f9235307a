import {
  type AssetField, type AssetKind, type AssetKindList, type CreateFieldBody, CreateFieldBodySchema, type CreateKindBody,
  CreateKindBodySchema, REFERENCE_LIST_MAX, type ReorderFieldsBody, ReorderFieldsBodySchema, type UpdateFieldBody,
  UpdateFieldBodySchema, type UpdateKindBody, UpdateKindBodySchema,
} from "../../../shared/api/asset-references.js";
import { ASSET_FAMILIES, type AssetFamily, type FieldType } from "../../../shared/domain/assets.js";
import type { Db } from "../../db/database.js";
import { flag, foldText, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { diffFields, recordHistory } from "../history/history.service.js";
import { assertCanManageGlobal, assertCanReadFleet, canManageGlobal, nameTaken } from "./catalog.access.js";
import * as repo from "./kind.repo.js";

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

function toField(row: repo.FieldRow): AssetField {
  return {
    id: row.id, kindId: row.kind_id, key: row.key, label: row.label, fieldType: row.field_type as FieldType,
    choices: row.choices === null ? null : (JSON.parse(row.choices) as string[]), isRequired: row.is_required === 1,
    position: row.position, isBuiltin: row.is_builtin === 1,
  };
}

function toKind(row: repo.KindListRow, fields: repo.FieldRow[]): AssetKind {
  return {
    id: row.id, code: row.code, family: row.family as AssetFamily, name: row.name, tagPattern: row.tag_pattern,
    isActive: row.is_active === 1, isBuiltin: row.code !== null, isUsed: Boolean(row.is_used) || Boolean(row.has_models),
    fields: fields.filter((f) => f.kind_id === row.id).map(toField), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export async function presentKind(db: Db, id: number): Promise<AssetKind> {
  const row = await repo.selectKinds(db).where("k.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("KIND_NOT_FOUND", `Kind ${id}`);
  return toKind(row, await repo.fieldsOfKinds(db, [id]));
}

const familyRank = (family: string) => ASSET_FAMILIES.indexOf(family as AssetFamily);

/** Every kind with its fields in their order; by family (in the vocabulary's order: computers first), then name as people sort them. */
export async function listKinds(ctx: Ctx, query: { includeInactive: boolean }): Promise<AssetKindList> {
  assertCanReadFleet(ctx);
  let q = repo.selectKinds(ctx.db);
  if (!query.includeInactive) q = q.where("k.is_active", "=", 1);
  const rows = await q.orderBy("k.id").limit(REFERENCE_LIST_MAX).execute();
  const fields = await repo.fieldsOfKinds(ctx.db, rows.map((r) => r.id));
  rows.sort((a, b) => familyRank(a.family) - familyRank(b.family) || collator.compare(a.name, b.name) || a.id - b.id);
  return { data: rows.map((row) => toKind(row, fields)), canManage: await canManageGlobal(ctx.db, ctx) };
}

export async function createKind(ctx: Ctx, input: CreateKindBody): Promise<AssetKind> {
  const body = CreateKindBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const rootId = await assertCanManageGlobal(trx, ctx);
    if (await repo.kindNamed(trx, body.name)) throw nameTaken("A kind", body.name);
    const at = now();
    const row = await trx.insertInto("asset_kind").values({ code: null, family: body.family, name: body.name,
      tag_pattern: body.tagPattern ?? null, is_active: flag(body.isActive), created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
    await recordHistory(trx, ctx.actor, { recordType: "asset_kind", recordId: row.id, entityId: rootId, action: "create", label: body.name });
    return row.id;
  });
  return presentKind(ctx.db, id);
}

async function loadKindForWrite(trx: Db, ctx: Ctx, id: number) {
  const rootId = await assertCanManageGlobal(trx, ctx);
  const row = await repo.findKindRow(trx, id);
  if (!row) throw notFound("KIND_NOT_FOUND", `Kind ${id}`);
  return { row, rootId };
}

/** Renames, changes the tag pattern or (de)activates a kind; a built-in kind keeps its family, which other parts rely on. */
export async function updateKind(ctx: Ctx, id: number, input: UpdateKindBody): Promise<AssetKind> {
  const body = UpdateKindBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const { row, rootId } = await loadKindForWrite(trx, ctx, id);
    if (body.family !== undefined && body.family !== row.family && row.code !== null) {
      throw new AppError("BUILTIN_LOCKED", "A built-in kind keeps its family", [{ path: "body.family", message: "built-in kind" }]);
    }
    if (body.name !== undefined && body.name !== row.name && (await repo.kindNamed(trx, body.name, id))) throw nameTaken("A kind", body.name);
    const before = { name: row.name, family: row.family, tagPattern: row.tag_pattern, isActive: row.is_active === 1 };
    const changes = diffFields(before, body);
    if (changes.length === 0) return;
    await trx.updateTable("asset_kind").set({
      name: body.name ?? row.name, family: body.family ?? row.family,
      tag_pattern: body.tagPattern === undefined ? row.tag_pattern : body.tagPattern,
      is_active: body.isActive === undefined ? row.is_active : flag(body.isActive), updated_at: now(),
    }).where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "asset_kind", recordId: id, entityId: rootId, action: "update", changes });
  });
  return presentKind(ctx.db, id);
}

/** Only an admin's own kind that no asset nor model uses; a built-in or used kind is deactivated instead. */
export async function deleteKind(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { row, rootId } = await loadKindForWrite(trx, ctx, id);
    if (row.code !== null) throw new AppError("BUILTIN_LOCKED", `Kind ${id} is built in: deactivate it instead`);
    const used = await repo.selectKinds(trx).where("k.id", "=", id).executeTakeFirstOrThrow();
    if (used.is_used || used.has_models) throw new AppError("REFERENCE_IN_USE", `Kind ${id} has assets or models: deactivate it instead`);
    await recordHistory(trx, ctx.actor, { recordType: "asset_kind", recordId: id, entityId: rootId, action: "delete", label: row.name });
    await trx.deleteFrom("asset_field").where("kind_id", "=", id).execute();
    await trx.deleteFrom("asset_kind").where("id", "=", id).execute();
  });
}

/** "Numéro de badge" → "numero_de_badge": the key an asset's value is stored under. */
function keyOf(label: string): string {
  const key = foldText(label).replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 40);
  return /^[a-z]/.test(key) ? key : `f_${key}`.slice(0, 40);
}

export async function addField(ctx: Ctx, kindId: number, input: CreateFieldBody): Promise<AssetKind> {
  const body = CreateFieldBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const { rootId } = await loadKindForWrite(trx, ctx, kindId);
    const key = body.key ?? keyOf(body.label);
    const taken = await trx.selectFrom("asset_field").select("id").where("kind_id", "=", kindId).where("key", "=", key).executeTakeFirst();
    if (taken) throw nameTaken("A field", key, body.key ? "body.key" : "body.label");
    await trx.insertInto("asset_field").values({
      kind_id: kindId, key, label: body.label, field_type: body.fieldType,
      choices: body.fieldType === "choice" ? JSON.stringify(body.choices) : null,
      is_required: flag(body.isRequired), position: await repo.nextFieldPosition(trx, kindId), is_builtin: 0,
    }).execute();
    await trx.updateTable("asset_kind").set({ updated_at: now() }).where("id", "=", kindId).execute();
    await recordHistory(trx, ctx.actor, { recordType: "asset_kind", recordId: kindId, entityId: rootId, action: "link", field: "fields",
      label: `${body.label} (${key})` });
  });
  return presentKind(ctx.db, kindId);
}

async function loadField(trx: Db, kindId: number, fieldId: number) {
  const field = await repo.findFieldRow(trx, kindId, fieldId);
  if (!field) throw notFound("FIELD_NOT_FOUND", `Field ${fieldId} of kind ${kindId}`);
  return field;
}

/** Relabels a field, changes its options or whether it is required; its key and type stay, the stored values depend on them. */
export async function updateField(ctx: Ctx, kindId: number, fieldId: number, input: UpdateFieldBody): Promise<AssetKind> {
  const body = UpdateFieldBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const { rootId } = await loadKindForWrite(trx, ctx, kindId);
    const field = await loadField(trx, kindId, fieldId);
    const isChoice = field.field_type === "choice";
    if (body.choices !== undefined && (isChoice ? !body.choices || body.choices.length === 0 : body.choices !== null)) {
      throw new AppError("VALIDATION_FAILED", isChoice ? "A choice needs its options" : "Only a choice has options",
        [{ path: "body.choices", message: isChoice ? "a choice needs its options" : "only a choice has options" }]);
    }
    const before = { label: field.label, choices: field.choices === null ? null : (JSON.parse(field.choices) as string[]), isRequired: field.is_required === 1 };
    const changes = diffFields(before, body);
    if (changes.length === 0) return;
    await trx.updateTable("asset_field").set({
      label: body.label ?? field.label,
      choices: body.choices === undefined || !isChoice ? field.choices : JSON.stringify(body.choices),
      is_required: body.isRequired === undefined ? field.is_required : flag(body.isRequired),
    }).where("id", "=", fieldId).execute();
    await trx.updateTable("asset_kind").set({ updated_at: now() }).where("id", "=", kindId).execute();
    await recordHistory(trx, ctx.actor, { recordType: "asset_kind", recordId: kindId, entityId: rootId, action: "update",
      changes: changes.map((c) => ({ ...c, field: `fields.${field.key}.${c.field}` })) });
  });
  return presentKind(ctx.db, kindId);
}

/** The kind's fields in the order given: every one of them, each once. */
export async function reorderFields(ctx: Ctx, kindId: number, input: ReorderFieldsBody): Promise<AssetKind> {
  const body = ReorderFieldsBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const { rootId } = await loadKindForWrite(trx, ctx, kindId);
    const rows = await trx.selectFrom("asset_field").select(["id", "key"]).where("kind_id", "=", kindId).orderBy("position").orderBy("id").execute();
    const ids = rows.map((r) => r.id);
    const given = new Set(body.fieldIds);
    if (given.size !== body.fieldIds.length || given.size !== ids.length || !ids.every((id) => given.has(id))) {
      throw new AppError("VALIDATION_FAILED", "Give every field of the kind, each once",
        [{ path: "body.fieldIds", message: "every field of the kind, each once" }]);
    }
    for (const [position, id] of body.fieldIds.entries()) {
      await trx.updateTable("asset_field").set({ position }).where("id", "=", id).execute();
    }
    await trx.updateTable("asset_kind").set({ updated_at: now() }).where("id", "=", kindId).execute();
    const keyOfId = new Map(rows.map((r) => [r.id, r.key]));
    const before = rows.map((r) => r.key).join(", ");
    const after = body.fieldIds.map((id) => keyOfId.get(id)).join(", ");
    if (before !== after) {
      await recordHistory(trx, ctx.actor, { recordType: "asset_kind", recordId: kindId, entityId: rootId, action: "update",
        changes: [{ field: "fieldOrder", oldValue: before, newValue: after }] });
    }
  });
  return presentKind(ctx.db, kindId);
}

/** An admin's field goes; its values stay in the assets' JSON, unseen, should the field come back under the same key. */
export async function deleteField(ctx: Ctx, kindId: number, fieldId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { rootId } = await loadKindForWrite(trx, ctx, kindId);
    const field = await loadField(trx, kindId, fieldId);
    if (field.is_builtin === 1) throw new AppError("BUILTIN_LOCKED", `Field ${field.key} is built in`);
    await trx.deleteFrom("asset_field").where("id", "=", fieldId).execute();
    await trx.updateTable("asset_kind").set({ updated_at: now() }).where("id", "=", kindId).execute();
    await recordHistory(trx, ctx.actor, { recordType: "asset_kind", recordId: kindId, entityId: rootId, action: "unlink", field: "fields",
      label: `${field.label} (${field.key})` });
  });
}
