import type { CreateEntityBody, Entity, ListEntitiesQuery, UpdateEntityBody } from "../../../shared/api/entities.js";
import { CreateEntityBodySchema } from "../../../shared/api/entities.js";
import type { Page } from "../../../shared/api/common.js";
import type { Db } from "../../db/database.js";
import type { EntityRow } from "../../db/schema.js";
import { contains } from "../../db/dialect.js";
import { flag, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { AppError, notFound } from "../../http/errors.js";
import { diffFields, recordHistory } from "../history/history.service.js";
import { assertCan, entityScope, inScope } from "./access.js";
import * as repo from "./entity.repo.js";

type EntityWithCount = EntityRow & { child_count: number };

function toEntity(row: EntityWithCount): Entity {
  return {
    id: row.id,
    name: row.name,
    completeName: row.complete_name,
    parentId: row.parent_id,
    depth: row.depth,
    comment: row.comment,
    address: row.address,
    postcode: row.postcode,
    town: row.town,
    country: row.country,
    phone: row.phone,
    email: row.email,
    sharesTickets: row.shares_tickets === 1,
    inventoryTag: row.inventory_tag,
    childCount: Number(row.child_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectEntities(ctx: Ctx) {
  return ctx.db
    .selectFrom("entity")
    .selectAll("entity")
    .select((eb) =>
      eb
        .selectFrom("entity as child")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("child.parent_id", "=", "entity.id")
        .as("child_count"),
    )
    .$narrowType<{ child_count: number }>();
}

export async function getEntity(ctx: Ctx, id: number): Promise<Entity> {
  const row = await selectEntities(ctx).where("entity.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("ENTITY_NOT_FOUND", `Entity ${id}`);
  await assertCan(ctx.db, ctx.actor, "entity.read", row.id);
  return toEntity(row);
}

export async function listEntities(ctx: Ctx, query: ListEntitiesQuery): Promise<Page<Entity>> {
  const scope = entityScope(ctx.actor, "entity.read");
  let q = selectEntities(ctx).where(inScope("entity.id", scope));
  if (query.parentId) q = q.where("entity.parent_id", "=", query.parentId);
  if (query.q) {
    q = q.where(contains("entity.complete_name", query.q));
  }
  if (query.cursor) {
    const [name, id] = decodeCursor(query.cursor, ["string", "number"]);
    q = q.where((eb) => eb(eb.refTuple("entity.complete_name", "entity.id"), ">", eb.tuple(name as string, id as number)));
  }
  const rows = await q.orderBy("entity.complete_name").orderBy("entity.id").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toEntity, (r) => [r.complete_name, r.id]);
}

/** Creates the root entity (the organisation) at setup; there is only ever one root. */
export async function createRootEntity(ctx: Pick<Ctx, "db">, name: string): Promise<EntityRow> {
  const at = now();
  const row = await ctx.db
    .insertInto("entity")
    .values({ name, parent_id: null, complete_name: name, depth: 0, comment: null, address: null, postcode: null,
      town: null, country: null, phone: null, email: null, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  await repo.linkNewEntity(ctx.db, row.id, null);
  await recordHistory(ctx.db, undefined, { recordType: "entity", recordId: row.id, entityId: row.id, action: "create", label: name });
  return row;
}

export async function createEntity(ctx: Ctx, input: CreateEntityBody): Promise<Entity> {
  const body = CreateEntityBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const parent = await repo.findEntityRow(trx, body.parentId);
    if (!parent) throw notFound("ENTITY_NOT_FOUND", `Entity ${body.parentId}`);
    await assertCan(trx, ctx.actor, "entity.write", parent.id);
    const at = now();
    const row = await trx
      .insertInto("entity")
      .values({
        name: body.name, parent_id: parent.id, complete_name: `${parent.complete_name} > ${body.name}`,
        depth: parent.depth + 1, comment: body.comment ?? null, address: body.address ?? null,
        postcode: body.postcode ?? null, town: body.town ?? null, country: body.country ?? null,
        phone: body.phone ?? null, email: body.email ?? null, shares_tickets: flag(body.sharesTickets ?? false),
        created_at: at, updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await repo.linkNewEntity(trx, row.id, parent.id);
    await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: row.id, entityId: row.id, action: "create", label: body.name });
    return row.id;
  });
  return getEntity(ctx, id);
}

/** Two admins giving one tag at the same moment: the unique index catches the second, answered like the check. */
function tagTaken(error: unknown, tag: string | null | undefined): AppError | undefined {
  const e = error as { code?: string; message?: string; constraint?: string };
  const unique = e.code === "23505" || /UNIQUE constraint failed/.test(e.message ?? "");
  if (!unique || !`${e.constraint ?? ""} ${e.message ?? ""}`.includes("inventory_tag")) return undefined;
  return new AppError("INVENTORY_TAG_TAKEN", `Another entity already has the agent tag ${tag}`, [{ path: "body.inventoryTag", message: "already used" }]);
}

export async function updateEntity(ctx: Ctx, id: number, body: UpdateEntityBody): Promise<Entity> {
  try {
    await saveEntity(ctx, id, body);
  } catch (error) {
    throw tagTaken(error, body.inventoryTag) ?? error;
  }
  return getEntity(ctx, id);
}

async function saveEntity(ctx: Ctx, id: number, body: UpdateEntityBody): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findEntityRow(trx, id);
    if (!row) throw notFound("ENTITY_NOT_FOUND", `Entity ${id}`);
    await assertCan(trx, ctx.actor, "entity.write", id);
    const moving = body.parentId !== undefined && body.parentId !== row.parent_id;
    if (moving) {
      const parentId = body.parentId as number;
      if (row.parent_id === null) throw new AppError("ROOT_ENTITY_LOCKED", "The root entity cannot be moved");
      if (!(await repo.findEntityRow(trx, parentId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${parentId}`);
      await assertCan(trx, ctx.actor, "entity.write", parentId);
      if (await repo.isDescendant(trx, parentId, id)) {
        throw new AppError("ENTITY_CYCLE", "An entity cannot move under itself or its sub-entities");
      }
    }
    const changes = diffFields(
      { name: row.name, parentId: row.parent_id, comment: row.comment, address: row.address, postcode: row.postcode,
        town: row.town, country: row.country, phone: row.phone, email: row.email, sharesTickets: row.shares_tickets === 1,
        inventoryTag: row.inventory_tag },
      { ...body, inventoryTag: body.inventoryTag === "" ? null : body.inventoryTag },
    );
    if (changes.length === 0) return;
    const { parentId, sharesTickets, inventoryTag, ...fields } = body;
    const sharing = sharesTickets === undefined ? {} : { shares_tickets: flag(sharesTickets) };
    const tag = inventoryTag === undefined ? {} : { inventory_tag: await freeInventoryTag(trx, id, inventoryTag) };
    await trx.updateTable("entity").set({ ...fields, ...sharing, ...tag, ...(moving ? { parent_id: parentId } : {}), updated_at: now() })
      .where("id", "=", id).execute();
    if (moving) await repo.moveSubtree(trx, id, parentId as number);
    if (moving || (body.name !== undefined && body.name !== row.name)) await renameSubtree(trx, id);
    await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: id, entityId: id, action: "update", changes });
  });
}

/** The tag to store (null for none), once no other entity has it: an agent's machines belong to one entity. */
async function freeInventoryTag(db: Db, id: number, tag: string | null): Promise<string | null> {
  if (!tag) return null;
  const other = await db.selectFrom("entity").select("id").where("inventory_tag", "=", tag).where("id", "!=", id).executeTakeFirst();
  if (other) throw new AppError("INVENTORY_TAG_TAKEN", `Entity ${other.id} already has the agent tag ${tag}`, [{ path: "body.inventoryTag", message: "already used" }]);
  return tag;
}

/** Recomputes the complete name and depth of an entity from its parent, then of everything below it. */
async function renameSubtree(db: Db, id: number): Promise<void> {
  const row = await repo.findEntityRow(db, id);
  const parent = row?.parent_id ? await repo.findEntityRow(db, row.parent_id) : undefined;
  if (!row) return;
  const placed = parent
    ? { complete_name: `${parent.complete_name} > ${row.name}`, depth: parent.depth + 1 }
    : { complete_name: row.name, depth: 0 };
  await db.updateTable("entity").set(placed).where("id", "=", id).execute();
  await repo.refreshSubtreeNames(db, id);
}

export async function deleteEntity(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findEntityRow(trx, id);
    if (!row) throw notFound("ENTITY_NOT_FOUND", `Entity ${id}`);
    await assertCan(trx, ctx.actor, "entity.write", id);
    if (row.parent_id === null) throw new AppError("ROOT_ENTITY_LOCKED", "The root entity cannot be deleted");
    const contents = await repo.countEntityContents(trx, id);
    if (contents.children + contents.users + contents.groups > 0) {
      throw new AppError("ENTITY_NOT_EMPTY", `Entity ${id} still has sub-entities, users or groups`);
    }
    await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: id, entityId: row.parent_id, action: "delete", label: row.name });
    await trx.deleteFrom("role_grant").where("entity_id", "=", id).execute();
    await trx.deleteFrom("api_token").where("entity_id", "=", id).execute();
    await trx.deleteFrom("entity_closure").where("descendant_id", "=", id).execute();
    await trx.deleteFrom("entity").where("id", "=", id).execute();
  });
}
