import type { Selectable } from "kysely";
import type { z } from "zod";
import {
  type CreateSavedViewBodySchema, SAVED_VIEWS_MAX, SAVED_VIEW_RULES, type SavedQuery, type SavedView, type SavedViewScope,
  type UpdateSavedViewBodySchema, savedViewIssues,
} from "../../../shared/api/saved-views.js";
import type { Db } from "../../db/database.js";
import type { SavedViewTable } from "../../db/schema.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";

type SavedViewRow = Selectable<SavedViewTable>;
type CreateInput = z.output<typeof CreateSavedViewBodySchema>;
type UpdateInput = z.output<typeof UpdateSavedViewBodySchema>;

function scopeOf(row: SavedViewRow): SavedViewScope {
  return row.scope === "assets" ? "assets" : "tickets";
}

function toSavedView(row: SavedViewRow): SavedView {
  return {
    id: row.id, scope: scopeOf(row), name: row.name, query: JSON.parse(row.query) as SavedQuery,
    columns: row.columns === null ? null : (JSON.parse(row.columns) as SavedView["columns"]),
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** Only the list's own filters are kept, in a stable order, so two equal views store the same text. */
function queryText(scope: SavedViewScope, query: SavedQuery): string {
  const keys = SAVED_VIEW_RULES[scope].keys;
  return JSON.stringify(Object.fromEntries(keys.filter((key) => query[key] !== undefined).map((key) => [key, query[key]])));
}

/** Someone else's view is "not found", as if it did not exist: views are private. */
async function loadOwnView(db: Db, ctx: Ctx, id: number): Promise<SavedViewRow> {
  const row = await db.selectFrom("saved_view").selectAll().where("id", "=", id).where("user_id", "=", ctx.actor.userId).executeTakeFirst();
  if (!row) throw notFound("SAVED_VIEW_NOT_FOUND", `Saved view ${id}`);
  return row;
}

/** Names are unique per user within one list: a queue view and an asset view may share one. */
async function assertNameFree(db: Db, ctx: Ctx, scope: SavedViewScope, name: string, exceptId?: number): Promise<void> {
  let q = db.selectFrom("saved_view").select("id").where("user_id", "=", ctx.actor.userId).where("scope", "=", scope)
    .where("name", "=", name);
  if (exceptId !== undefined) q = q.where("id", "<>", exceptId);
  if (await q.executeTakeFirst()) throw new AppError("VIEW_NAME_TAKEN", `You already have a view named ${name}`);
}

/** The caller's own views of one list, by name (a user has at most SAVED_VIEWS_MAX of them per list). */
export async function listSavedViews(ctx: Ctx, scope: SavedViewScope): Promise<{ data: SavedView[] }> {
  const rows = await ctx.db.selectFrom("saved_view").selectAll().where("user_id", "=", ctx.actor.userId)
    .where("scope", "=", scope).orderBy("name").orderBy("id").limit(SAVED_VIEWS_MAX).execute();
  return { data: rows.map(toSavedView) };
}

/**
 * Saves a list's current filters and columns under a name (the body was checked with that list's
 * rules); throws VIEW_NAME_TAKEN when the user has a view of that list so named.
 */
export async function createSavedView(ctx: Ctx, body: CreateInput): Promise<SavedView> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertNameFree(trx, ctx, body.scope, body.name);
    const count = await trx.selectFrom("saved_view").select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", ctx.actor.userId).where("scope", "=", body.scope).executeTakeFirstOrThrow();
    if (Number(count.n) >= SAVED_VIEWS_MAX) {
      throw new AppError("VALIDATION_FAILED", `At most ${SAVED_VIEWS_MAX} views`, [
        { path: "body", message: `at most ${SAVED_VIEWS_MAX} views`, code: "too_big", maximum: SAVED_VIEWS_MAX, origin: "array" },
      ]);
    }
    const at = now();
    const row = await trx.insertInto("saved_view").values({
      user_id: ctx.actor.userId, scope: body.scope, name: body.name, query: queryText(body.scope, body.query),
      columns: body.columns === null ? null : JSON.stringify(body.columns), created_at: at, updated_at: at,
    }).returningAll().executeTakeFirstOrThrow();
    return toSavedView(row);
  });
}

/**
 * Renames a view, or replaces its filters or columns, checked with the rules of the view's own list
 * (VALIDATION_FAILED otherwise).
 */
export async function updateSavedView(ctx: Ctx, id: number, body: UpdateInput): Promise<SavedView> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadOwnView(trx, ctx, id);
    const scope = scopeOf(row);
    const issues = savedViewIssues(scope, body.query, body.columns);
    if (issues.length > 0) {
      throw new AppError("VALIDATION_FAILED", "The request is not valid",
        issues.map((issue) => ({ path: ["body", ...issue.path.map(String)].join("."), message: issue.message, code: "custom" })));
    }
    if (body.name !== undefined) await assertNameFree(trx, ctx, scope, body.name, id);
    const changed = await trx.updateTable("saved_view").set({
      name: body.name ?? row.name,
      query: body.query === undefined ? row.query : queryText(scope, body.query),
      columns: body.columns === undefined ? row.columns : body.columns === null ? null : JSON.stringify(body.columns),
      updated_at: now(),
    }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
    return toSavedView(changed);
  });
}

export async function deleteSavedView(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await loadOwnView(trx, ctx, id);
    await trx.deleteFrom("saved_view").where("id", "=", id).execute();
  });
}
