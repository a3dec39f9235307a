import { sql } from "kysely";
import { type Recurring, type RecurringBody, RecurringBodySchema } from "../../../shared/api/automation.js";
import type { ValidationIssue } from "../../../shared/api/errors.js";
import type { Db } from "../../db/database.js";
import { isVisibleIn } from "../../db/tree.js";
import { flag, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { allows, assertCan, entityScope, inScope, roleOn } from "../identity/access.js";
import { findEntityRow } from "../identity/entity.repo.js";
import type { RecurringTicketRow } from "./automation.table.js";
import { nextOccurrence, type Schedule } from "./recurring-schedule.js";
import { collect, templateProblem } from "./references.js";

export const RECURRING_LIST_MAX = 500;
const RECENT_TICKETS = 5;

export function scheduleOf(row: RecurringTicketRow): Schedule {
  return { frequency: row.frequency as Schedule["frequency"], every: row.every, weekday: row.weekday, timeOfDay: row.time_of_day,
    timeZone: row.time_zone, startsOn: row.starts_on };
}

async function present(db: Db, rows: RecurringTicketRow[]): Promise<Recurring[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [entities, templates, assets, runs] = await Promise.all([
    db.selectFrom("entity").select(["id", "complete_name"]).where("id", "in", rows.map((r) => r.entity_id)).execute(),
    db.selectFrom("ticket_template").select(["id", "name"]).where("id", "in", rows.map((r) => r.template_id)).execute(),
    db.selectFrom("recurring_ticket_asset as ra").innerJoin("asset as a", "a.id", "ra.asset_id")
      .select(["ra.recurring_id", "a.id", "a.name"]).where("ra.recurring_id", "in", ids).orderBy("a.name").execute(),
    // The last few per schedule: a window function numbers each schedule's runs, newest first.
    sql<{ recurring_id: number; ticket_id: number; occurrence: string; title: string }>`select recurring_id, ticket_id, occurrence, title from (
      select r.recurring_id, r.ticket_id, r.occurrence, t.title, row_number() over (partition by r.recurring_id order by r.id desc) as n
      from recurring_ticket_run r join ticket t on t.id = r.ticket_id where r.recurring_id in (${sql.join(ids)})) x
      where n <= ${RECENT_TICKETS} order by recurring_id, n`.execute(db).then((r) => r.rows),
  ]);
  return rows.map((r) => ({
    id: r.id, name: r.name, entityId: r.entity_id, entityName: entities.find((e) => e.id === r.entity_id)?.complete_name ?? "",
    templateId: r.template_id, templateName: templates.find((t) => t.id === r.template_id)?.name ?? "", requesterId: r.requester_id,
    frequency: r.frequency as Recurring["frequency"], every: r.every, weekday: r.weekday, timeOfDay: r.time_of_day, timeZone: r.time_zone,
    startsOn: r.starts_on, assets: assets.filter((a) => a.recurring_id === r.id).map((a) => ({ id: a.id, name: a.name })),
    isActive: r.is_active === 1, nextRunAt: r.next_run_at, lastRunAt: r.last_run_at, updatedAt: r.updated_at,
    recentTickets: runs.filter((x) => x.recurring_id === r.id)
      .map((x) => ({ ticketId: x.ticket_id as number, title: x.title, occurrence: x.occurrence })),
  }));
}

export async function listRecurring(ctx: Ctx): Promise<{ data: Recurring[] }> {
  const rows = await ctx.db.selectFrom("recurring_ticket").selectAll()
    .where(inScope("entity_id", entityScope(ctx.actor, "automation.manage"))).orderBy("name").orderBy("id").limit(RECURRING_LIST_MAX).execute();
  return { data: await present(ctx.db, rows) };
}

async function loadManaged(db: Db, ctx: Ctx, id: number): Promise<RecurringTicketRow> {
  const row = await db.selectFrom("recurring_ticket").selectAll().where("id", "=", id).executeTakeFirst();
  const allowed = row && (await assertCan(db, ctx.actor, "automation.manage", row.entity_id).then(() => true, () => false));
  if (!row || !allowed) throw notFound("RECURRING_TICKET_NOT_FOUND", `Recurring ticket ${id}`);
  return row;
}

/** The template, requester and assets must belong to the schedule's entity (or below it), and be visible to the caller. */
async function check(db: Db, ctx: Ctx, body: ReturnType<typeof RecurringBodySchema.parse>): Promise<void> {
  if (!(await findEntityRow(db, body.entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${body.entityId}`);
  await assertCan(db, ctx.actor, "automation.manage", body.entityId);
  const issues: ValidationIssue[] = [];
  await collect(issues, "body.templateId", templateProblem(db, body.templateId, body.entityId));
  if (body.frequency === "week" && body.weekday === null) issues.push({ path: "body.weekday", message: "a weekly schedule needs a weekday" });
  if (body.requesterId) {
    const user = await db.selectFrom("app_user").select("entity_id").where("id", "=", body.requesterId).where("is_active", "=", 1).executeTakeFirst();
    if (!user || !(await isVisibleIn(db, body.entityId, user.entity_id))) issues.push({ path: "body.requesterId", message: "not a user of the entity" });
  }
  for (const [i, assetId] of body.assetIds.entries()) {
    const asset = await db.selectFrom("asset").select("entity_id").where("id", "=", assetId).executeTakeFirst();
    const ok = asset && (await isVisibleIn(db, body.entityId, asset.entity_id)) && allows(await roleOn(db, ctx.actor, asset.entity_id), "asset.read");
    if (!ok) issues.push({ path: `body.assetIds.${i}`, message: "not an asset of the entity" });
  }
  if (issues.length > 0) throw new AppError("VALIDATION_FAILED", "The recurring ticket names records outside its entity", issues);
}

function values(body: ReturnType<typeof RecurringBodySchema.parse>) {
  const schedule: Schedule = { frequency: body.frequency, every: body.every, weekday: body.frequency === "week" ? body.weekday : null,
    timeOfDay: body.timeOfDay, timeZone: body.timeZone, startsOn: body.startsOn };
  return {
    entity_id: body.entityId, name: body.name, template_id: body.templateId, requester_id: body.requesterId, frequency: body.frequency,
    every: body.every, weekday: schedule.weekday, time_of_day: body.timeOfDay, time_zone: body.timeZone, starts_on: body.startsOn,
    is_active: flag(body.isActive), next_run_at: body.isActive ? nextOccurrence(schedule, new Date()).toISOString() : null,
  };
}

async function setAssets(db: Db, id: number, assetIds: number[]): Promise<void> {
  await db.deleteFrom("recurring_ticket_asset").where("recurring_id", "=", id).execute();
  const unique = [...new Set(assetIds)];
  if (unique.length > 0) await db.insertInto("recurring_ticket_asset").values(unique.map((asset_id) => ({ recurring_id: id, asset_id }))).execute();
}

async function presentOne(db: Db, id: number): Promise<Recurring> {
  const row = await db.selectFrom("recurring_ticket").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  return (await present(db, [row]))[0] as Recurring;
}

export async function createRecurring(ctx: Ctx, input: RecurringBody): Promise<Recurring> {
  const body = RecurringBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await check(trx, ctx, body);
    const at = now();
    const row = await trx.insertInto("recurring_ticket").values({ ...values(body), last_run_at: null, created_by: ctx.actor.userId,
      created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
    await setAssets(trx, row.id, body.assetIds);
    return row.id;
  });
  return presentOne(ctx.db, id);
}

export async function updateRecurring(ctx: Ctx, id: number, input: RecurringBody): Promise<Recurring> {
  const body = RecurringBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    await loadManaged(trx, ctx, id);
    await check(trx, ctx, body);
    await trx.updateTable("recurring_ticket").set({ ...values(body), updated_at: now() }).where("id", "=", id).execute();
    await setAssets(trx, id, body.assetIds);
  });
  return presentOne(ctx.db, id);
}

/** Paused, a schedule creates nothing; resumed, it starts again from the next occurrence (nothing missed is caught up). */
export async function pauseRecurring(ctx: Ctx, id: number, isActive: boolean): Promise<Recurring> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadManaged(trx, ctx, id);
    const next = isActive ? nextOccurrence(scheduleOf(row), new Date()).toISOString() : null;
    await trx.updateTable("recurring_ticket").set({ is_active: flag(isActive), next_run_at: next, updated_at: now() }).where("id", "=", id).execute();
  });
  return presentOne(ctx.db, id);
}

export async function deleteRecurring(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await loadManaged(trx, ctx, id);
    await trx.deleteFrom("recurring_ticket_run").where("recurring_id", "=", id).execute();
    await trx.deleteFrom("recurring_ticket_asset").where("recurring_id", "=", id).execute();
    await trx.deleteFrom("recurring_ticket").where("id", "=", id).execute();
  });
}
