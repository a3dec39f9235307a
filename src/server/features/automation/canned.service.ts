import { type Canned, type CannedBody, CannedBodySchema } from "../../../shared/api/automation.js";
import type { Db } from "../../db/database.js";
import { flag, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { assertCan, entityScope, inScope } from "../identity/access.js";
import { findEntityRow } from "../identity/entity.repo.js";
import { loadWritableTicket } from "../tickets/ticket-access.js";
import type { CannedResponseRow } from "./automation.table.js";
import { fillPlaceholders, placeholderValues } from "./placeholders.js";
import { categoryProblem, usableIn } from "./references.js";

export const CANNED_LIST_MAX = 1000;

type CannedListRow = CannedResponseRow & { entity_name: string | null; category_name: string | null };

function toCanned(r: CannedListRow): Canned {
  return { id: r.id, name: r.name, entityId: r.entity_id, entityName: r.entity_name ?? "", isRecursive: r.is_recursive === 1,
    categoryId: r.category_id, categoryName: r.category_name, content: r.content, updatedAt: r.updated_at };
}

function selectCanned(db: Db) {
  return db.selectFrom("canned_response as c").selectAll("c").select((eb) => [
    eb.selectFrom("entity as e").select("e.complete_name").whereRef("e.id", "=", "c.entity_id").as("entity_name"),
    eb.selectFrom("ticket_category as k").select("k.complete_name").whereRef("k.id", "=", "c.category_id").as("category_name"),
  ]);
}

/**
 * Without a ticket: every response the caller manages. With one: those a technician may insert
 * on it — of its entity (or a parent's, when recursive), for its category or for any.
 */
export async function listCanned(ctx: Ctx, query: { ticketId?: number }): Promise<{ data: Canned[] }> {
  let q = selectCanned(ctx.db);
  if (query.ticketId) {
    const ticket = await loadWritableTicket(ctx.db, ctx.actor, query.ticketId);
    q = q.where(usableIn(ticket.entity_id));
    q = ticket.category_id === null ? q.where("c.category_id", "is", null)
      : q.where((eb) => eb.or([eb("c.category_id", "=", ticket.category_id as number), eb("c.category_id", "is", null)]));
  } else {
    q = q.where(inScope("c.entity_id", entityScope(ctx.actor, "automation.manage")));
  }
  const rows = await q.orderBy("c.name").orderBy("c.id").limit(CANNED_LIST_MAX).execute();
  return { data: rows.map(toCanned) };
}

async function loadManaged(db: Db, ctx: Ctx, id: number): Promise<CannedResponseRow> {
  const row = await db.selectFrom("canned_response").selectAll().where("id", "=", id).executeTakeFirst();
  const allowed = row && (await assertCan(db, ctx.actor, "automation.manage", row.entity_id).then(() => true, () => false));
  if (!row || !allowed) throw notFound("CANNED_RESPONSE_NOT_FOUND", `Canned response ${id}`);
  return row;
}

async function check(db: Db, ctx: Ctx, body: ReturnType<typeof CannedBodySchema.parse>): Promise<void> {
  if (!(await findEntityRow(db, body.entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${body.entityId}`);
  await assertCan(db, ctx.actor, "automation.manage", body.entityId);
  const problem = body.categoryId ? await categoryProblem(db, body.categoryId, body.entityId) : null;
  if (problem) throw new AppError("VALIDATION_FAILED", "The category is not usable in the entity", [{ path: "body.categoryId", message: problem }]);
}

function values(body: ReturnType<typeof CannedBodySchema.parse>) {
  return { entity_id: body.entityId, is_recursive: flag(body.isRecursive), name: body.name, category_id: body.categoryId, content: body.content };
}

async function present(db: Db, id: number): Promise<Canned> {
  return toCanned(await selectCanned(db).where("c.id", "=", id).executeTakeFirstOrThrow());
}

export async function createCanned(ctx: Ctx, input: CannedBody): Promise<Canned> {
  const body = CannedBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await check(trx, ctx, body);
    const at = now();
    return (await trx.insertInto("canned_response").values({ ...values(body), created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow()).id;
  });
  return present(ctx.db, id);
}

export async function updateCanned(ctx: Ctx, id: number, input: CannedBody): Promise<Canned> {
  const body = CannedBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    await loadManaged(trx, ctx, id);
    await check(trx, ctx, body);
    await trx.updateTable("canned_response").set({ ...values(body), updated_at: now() }).where("id", "=", id).execute();
  });
  return present(ctx.db, id);
}

export async function deleteCanned(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await loadManaged(trx, ctx, id);
    await trx.deleteFrom("canned_response").where("id", "=", id).execute();
  });
}

/** The response with the ticket's values in place of its placeholders, as the technician will send it (the technician is the caller). */
export async function renderCanned(ctx: Ctx, id: number, ticketId: number): Promise<{ content: string }> {
  const ticket = await loadWritableTicket(ctx.db, ctx.actor, ticketId);
  const row = await ctx.db.selectFrom("canned_response").selectAll().where("id", "=", id).where(usableIn(ticket.entity_id)).executeTakeFirst();
  if (!row) throw notFound("CANNED_RESPONSE_NOT_FOUND", `Canned response ${id}`);
  return { content: fillPlaceholders(row.content, await placeholderValues(ctx.db, ticket, ctx.actor.userId)) };
}
