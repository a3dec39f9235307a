import type { z } from "zod";
import {
  type CreateSavedViewBodySchema, SAVED_QUERY_KEYS, SAVED_VIEWS_MAX, type SavedQuery, type SavedView,
  type UpdateSavedViewBodySchema,
} from "../../../shared/api/saved-views.js";
import type { QueueColumn } from "../../../shared/domain/tickets.js";
import type { Db } from "../../db/database.js";
import type { SavedViewTable } from "../../db/schema.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import type { Selectable } from "kysely";

type SavedViewRow = Selectable<SavedViewTable>;
type CreateInput = z.output<typeof CreateSavedViewBodySchema>;
type UpdateInput = z.output<typeof UpdateSavedViewBodySchema>;

function toSavedView(row: SavedViewRow): SavedView {
  return {
    id: row.id, name: row.name, query: JSON.parse(row.query) as SavedQuery,
    columns: row.columns === null ? null : (JSON.parse(row.columns) as QueueColumn[]),
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** Only the queue's filters are kept, in a stable order, so two equal views store the same text. */
function queryText(query: SavedQuery): string {
  return JSON.stringify(Object.fromEntries(SAVED_QUERY_KEYS.filter((key) => query[key] !== undefined).map((key) => [key, query[key]])));
}

/** Someone else's view is "not found", as if it did not exist: views are private. */
async function loadOwnView(db: Db, ctx: Ctx, id: number): Promise<SavedViewRow> {
  const row = await db.selectFrom("saved_view").selectAll().where("id", "=", id).where("user_id", "=", ctx.actor.userId).executeTakeFirst();
  if (!row) throw notFound("SAVED_VIEW_NOT_FOUND", `Saved view ${id}`);
  return row;
}

async function assertNameFree(db: Db, ctx: Ctx, name: string, exceptId?: number): Promise<void> {
  let q = db.selectFrom("saved_view").select("id").where("user_id", "=", ctx.actor.userId).where("name", "=", name);
  if (exceptId !== undefined) q = q.where("id", "<>", exceptId);
  if (await q.executeTakeFirst()) throw new AppError("VIEW_NAME_TAKEN", `You already have a view named ${name}`);
}

/** The caller's own views, by name (a user has at most SAVED_VIEWS_MAX of them). */
export async function listSavedViews(ctx: Ctx): Promise<{ data: SavedView[] }> {
  const rows = await ctx.db.selectFrom("saved_view").selectAll().where("user_id", "=", ctx.actor.userId)
    .orderBy("name").orderBy("id").limit(SAVED_VIEWS_MAX).execute();
  return { data: rows.map(toSavedView) };
}

/** Saves the queue's current filters and columns under a name; throws VIEW_NAME_TAKEN when the user has one so named. */
export async function createSavedView(ctx: Ctx, body: CreateInput): Promise<SavedView> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertNameFree(trx, ctx, body.name);
    const count = await trx.selectFrom("saved_view").select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", ctx.actor.userId).executeTakeFirstOrThrow();
    if (Number(count.n) >= SAVED_VIEWS_MAX) {
      throw new AppError("VALIDATION_FAILED", `At most ${SAVED_VIEWS_MAX} views`, [
        { path: "body", message: `at most ${SAVED_VIEWS_MAX} views`, code: "too_big", maximum: SAVED_VIEWS_MAX, origin: "array" },
      ]);
    }
    const at = now();
    const row = await trx.insertInto("saved_view").values({
      user_id: ctx.actor.userId, name: body.name, query: queryText(body.query),
      columns: body.columns === null ? null : JSON.stringify(body.columns), created_at: at, updated_at: at,
    }).returningAll().executeTakeFirstOrThrow();
    return toSavedView(row);
  });
}

/** Renames a view, or replaces its filters or columns. */
export async function updateSavedView(ctx: Ctx, id: number, body: UpdateInput): Promise<SavedView> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadOwnView(trx, ctx, id);
    if (body.name !== undefined) await assertNameFree(trx, ctx, body.name, id);
    const changed = await trx.updateTable("saved_view").set({
      name: body.name ?? row.name,
      query: body.query === undefined ? row.query : queryText(body.query),
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
