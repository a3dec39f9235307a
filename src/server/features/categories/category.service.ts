import { type Updateable, sql } from "kysely";
import type { z } from "zod";
import {
  type Category, type CategoryList, type CreateCategoryBody, CreateCategoryBodySchema, type ListCategoriesQuery,
  type PortalCategory, type UpdateCategoryBody, UpdateCategoryBodySchema,
} from "../../../shared/api/categories.js";
import type { TicketType } from "../../../shared/domain/tickets.js";
import type { Db } from "../../db/database.js";
import type { TicketCategoryRow, TicketCategoryTable } from "../../db/schema.js";
import { flag, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { diffFields, recordHistory } from "../history/history.service.js";
import { findEntityRow } from "../identity/entity.repo.js";
import { assertCan, entityScope, inScope } from "../identity/access.js";
import { sortAsTree, topAncestors } from "./category-tree.js";
import * as repo from "./category.repo.js";
import { isInSubtree, isVisibleIn, relabelSubtree, setSubtreeActive, visibleIn } from "../../db/tree.js";

/** A tree per entity holds a few hundred categories at most; this bounds the flat list all the same. */
export const CATEGORY_LIST_MAX = 2000;

function toCategory(row: repo.CategoryListRow): Category {
  return {
    id: row.id, entityId: row.entity_id, entityName: row.entity_name, parentId: row.parent_id, name: row.name,
    completeName: row.complete_name, depth: row.depth, portalLabel: row.portal_label, description: row.description,
    defaultType: row.default_type as TicketType | null, defaultGroupId: row.default_group_id, defaultGroupName: row.default_group_name,
    defaultUrgency: row.default_urgency, defaultImpact: row.default_impact, inPortal: Boolean(row.in_portal),
    isActive: Boolean(row.is_active), isUsed: Boolean(row.is_used), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** The fields history shows, under their API names. */
function historyFields(row: TicketCategoryRow) {
  return {
    name: row.name, parentId: row.parent_id, portalLabel: row.portal_label, description: row.description,
    defaultType: row.default_type, defaultGroupId: row.default_group_id, defaultUrgency: row.default_urgency,
    defaultImpact: row.default_impact, inPortal: Boolean(row.in_portal), isActive: Boolean(row.is_active),
  };
}

async function presentCategory(db: Db, id: number): Promise<Category> {
  return toCategory(await repo.selectCategories(db).where("c.id", "=", id).executeTakeFirstOrThrow());
}

/** `db`: inside a transaction, the transaction itself (SQLite's one connection is held by it). */
async function ownEntityId(ctx: Ctx, db: Db = ctx.db): Promise<number> {
  const me = await db.selectFrom("app_user").select("entity_id").where("id", "=", ctx.actor.userId).executeTakeFirstOrThrow();
  return me.entity_id;
}

/**
 * The categories usable in `entityId` (its own and its parents'), or, without it, in every
 * entity where the actor reads tickets. In tree order; inactive ones only when asked.
 */
export async function listCategories(ctx: Ctx, query: ListCategoriesQuery): Promise<CategoryList> {
  let q = repo.selectCategories(ctx.db);
  if (query.entityId) {
    await assertCan(ctx.db, ctx.actor, "ticket.read", query.entityId);
    q = q.where(visibleIn("c.entity_id", query.entityId));
  } else {
    const scope = entityScope(ctx.actor, "ticket.read");
    if (!scope.everything) {
      q = q.where(sql<boolean>`c.entity_id in (select ancestor_id from entity_closure where ${inScope("descendant_id", scope)})`);
    }
  }
  if (!query.includeInactive) q = q.where("c.is_active", "=", 1);
  const rows = await q.orderBy("c.complete_name").orderBy("c.id").limit(CATEGORY_LIST_MAX).execute();
  return { data: sortAsTree(rows).map(toCategory) };
}

/** What a requester may choose from on the portal: active categories shown there, in plain words. */
export async function listPortalCategories(ctx: Ctx, entityId?: number): Promise<{ data: PortalCategory[] }> {
  const target = entityId ?? (await ownEntityId(ctx));
  await assertCan(ctx.db, ctx.actor, "portal.use", target);
  const rows = await ctx.db.selectFrom("ticket_category as c")
    .select(["c.id", "c.parent_id", "c.name", "c.portal_label", "c.description", "c.depth", "c.in_portal", "c.default_urgency"])
    .where(visibleIn("c.entity_id", target)).where("c.is_active", "=", 1)
    .orderBy("c.complete_name").orderBy("c.id").limit(CATEGORY_LIST_MAX).execute();
  // Parents not shown on the portal still name the group their children appear under.
  const tops = topAncestors(rows);
  return {
    data: sortAsTree(rows).filter((r) => r.in_portal === 1).map((r) => ({
      id: r.id, parentId: r.parent_id, label: r.portal_label ?? r.name, description: r.description,
      topName: tops.get(r.id)?.name ?? r.name, depth: r.depth, defaultUrgency: r.default_urgency,
    })),
  };
}

async function loadParent(db: Db, parentId: number, entityId: number): Promise<TicketCategoryRow> {
  const parent = await repo.findCategoryRow(db, parentId);
  // A parent that the category's entity cannot see is answered as absent: nothing leaks from another branch.
  if (!parent || !(await isVisibleIn(db, parent.entity_id, entityId))) throw notFound("CATEGORY_NOT_FOUND", `Category ${parentId}`);
  return parent;
}

async function checkDefaultGroup(db: Db, groupId: number | null | undefined, entityId: number): Promise<void> {
  if (groupId && !(await repo.isGroupUsableIn(db, groupId, entityId))) {
    throw notFound("GROUP_NOT_FOUND", `Group ${groupId} (not visible in the category's entity)`);
  }
}

async function checkSiblingName(db: Db, entityId: number, parentId: number | null, name: string, exceptId?: number) {
  if (await repo.hasSiblingNamed(db, entityId, parentId, name, exceptId)) {
    throw new AppError("CONFLICT", `A category "${name}" already exists at this place`, [{ path: "body.name", message: "already exists" }]);
  }
}

export async function createCategory(ctx: Ctx, input: CreateCategoryBody): Promise<Category> {
  const body = CreateCategoryBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const parentRow = body.parentId ? await repo.findCategoryRow(trx, body.parentId) : undefined;
    const entityId = body.entityId ?? parentRow?.entity_id ?? (await ownEntityId(ctx, trx));
    if (!(await findEntityRow(trx, entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${entityId}`);
    await assertCan(trx, ctx.actor, "category.write", entityId);
    const parent = body.parentId ? await loadParent(trx, body.parentId, entityId) : undefined;
    await checkDefaultGroup(trx, body.defaultGroupId, entityId);
    await checkSiblingName(trx, entityId, parent?.id ?? null, body.name);
    const at = now();
    const row = await trx.insertInto("ticket_category").values({
      entity_id: entityId, parent_id: parent?.id ?? null, name: body.name,
      complete_name: parent ? `${parent.complete_name} > ${body.name}` : body.name, depth: parent ? parent.depth + 1 : 0,
      portal_label: body.portalLabel ?? null, description: body.description ?? null, default_type: body.defaultType ?? null,
      default_group_id: body.defaultGroupId ?? null, default_urgency: body.defaultUrgency ?? null, default_impact: body.defaultImpact ?? null,
      in_portal: flag(body.inPortal),
      // Below an inactive category, a new one is inactive too: the portal never shows a branch half-off.
      is_active: flag(body.isActive && (!parent || parent.is_active === 1)),
      created_at: at, updated_at: at,
    }).returning("id").executeTakeFirstOrThrow();
    await recordHistory(trx, ctx.actor, { recordType: "category", recordId: row.id, entityId, action: "create", label: body.name });
    return row.id;
  });
  return presentCategory(ctx.db, id);
}

async function loadWritableCategory(db: Db, ctx: Ctx, id: number): Promise<TicketCategoryRow> {
  const row = await repo.findCategoryRow(db, id);
  if (!row) throw notFound("CATEGORY_NOT_FOUND", `Category ${id}`);
  await assertCan(db, ctx.actor, "category.write", row.entity_id);
  return row;
}

/** Where the category goes: its new parent (null: the top), after checking that this makes no cycle. */
async function newPlace(db: Db, row: TicketCategoryRow, parentId: number | null): Promise<TicketCategoryRow | null> {
  if (parentId === null) return null;
  const parent = await loadParent(db, parentId, row.entity_id);
  if (await isInSubtree(db, "ticket_category", parent.id, row.id)) {
    throw new AppError("CATEGORY_CYCLE", "A category cannot move under itself or one of its subcategories");
  }
  return parent;
}

/** The columns of the fields given (a field left out keeps its value; null clears it). */
function changedColumns(body: z.output<typeof UpdateCategoryBodySchema>): Updateable<TicketCategoryTable> {
  const columns = {
    portal_label: body.portalLabel, description: body.description, default_type: body.defaultType,
    default_group_id: body.defaultGroupId, default_urgency: body.defaultUrgency, default_impact: body.defaultImpact,
    in_portal: body.inPortal === undefined ? undefined : flag(body.inPortal),
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

/**
 * Renames, moves, re-labels or changes the defaults of a category. A rename or a move gives the
 * whole branch its new complete names and depths in the same transaction.
 */
export async function updateCategory(ctx: Ctx, id: number, input: UpdateCategoryBody): Promise<Category> {
  const body = UpdateCategoryBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableCategory(trx, ctx, id);
    const moving = body.parentId !== undefined && body.parentId !== row.parent_id;
    const parent = moving ? await newPlace(trx, row, body.parentId ?? null)
      : row.parent_id === null ? null : await repo.findCategoryRow(trx, row.parent_id) ?? null;
    const name = body.name ?? row.name;
    if (moving || name !== row.name) await checkSiblingName(trx, row.entity_id, parent?.id ?? null, name, id);
    await checkDefaultGroup(trx, body.defaultGroupId, row.entity_id);
    const parentActive = !parent || parent.is_active === 1;
    if (body.isActive === true && !parentActive) {
      throw new AppError("VALIDATION_FAILED", "Activate the parent category first", [{ path: "body.isActive", message: "the parent category is inactive" }]);
    }
    const changes = diffFields(historyFields(row), body);
    if (changes.length === 0) return;
    await trx.updateTable("ticket_category").set({ name, parent_id: parent?.id ?? null, ...changedColumns(body), updated_at: now() })
      .where("id", "=", id).execute();
    if (moving || name !== row.name) {
      const placed = { name: parent ? `${parent.complete_name} > ${name}` : name, depth: parent ? parent.depth + 1 : 0 };
      await relabelSubtree(trx, "ticket_category", id, { name: row.complete_name, depth: row.depth }, placed);
    }
    const active = body.isActive ?? row.is_active === 1;
    if (active !== (row.is_active === 1) || (moving && !parentActive)) await setSubtreeActive(trx, "ticket_category", id, flag(active && parentActive));
    await recordHistory(trx, ctx.actor, { recordType: "category", recordId: id, entityId: row.entity_id, action: "update", changes });
  });
  return presentCategory(ctx.db, id);
}

/** Only an unused leaf is deleted; a category with subcategories or tickets is deactivated instead. */
export async function deleteCategory(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableCategory(trx, ctx, id);
    const contents = await repo.countCategoryContents(trx, id);
    if (contents.children > 0 || contents.tickets) {
      throw new AppError("CATEGORY_NOT_EMPTY", `Category ${id} has subcategories or tickets: deactivate it instead`);
    }
    await recordHistory(trx, ctx.actor, { recordType: "category", recordId: id, entityId: row.entity_id, action: "delete", label: row.complete_name });
    await trx.deleteFrom("ticket_category").where("id", "=", id).execute();
  });
}
