import { type CreateTaskBody, CreateTaskBodySchema, type Task, type UpdateTaskBody } from "../../../shared/api/tickets.js";
import type { Db } from "../../db/database.js";
import { flag, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { notFound } from "../../http/errors.js";
import { diffFields, recordHistory } from "../history/history.service.js";
import { loadReadableTicket, loadWritableTicket } from "./ticket-access.js";
import { checkAssignment } from "./ticket-assignment.js";

/** A ticket has a handful of tasks; more than this is a sign of misuse, not a list to page. */
const MAX_TASKS = 500;

function selectTasks(db: Db) {
  return db.selectFrom("ticket_task as k").leftJoin("app_user as u", "u.id", "k.technician_id")
    .selectAll("k").select(["u.first_name", "u.last_name"]);
}

type TaskListRow = Awaited<ReturnType<ReturnType<typeof selectTasks>["executeTakeFirstOrThrow"]>>;

function toTask(row: TaskListRow): Task {
  return {
    id: row.id, ticketId: row.ticket_id, description: row.description, technicianId: row.technician_id,
    technicianName: row.first_name === null ? null : `${row.first_name} ${row.last_name ?? ""}`.trim(),
    plannedStart: row.planned_start, plannedEnd: row.planned_end, minutesSpent: row.minutes_spent,
    isDone: Boolean(row.is_done), isPrivate: Boolean(row.is_private), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** The ticket's tasks in creation order, with the time spent in total; requesters see public ones. */
export async function listTasks(ctx: Ctx, ticketId: number): Promise<{ data: Task[]; totalMinutes: number }> {
  const { isStaff } = await loadReadableTicket(ctx.db, ctx.actor, ticketId);
  let q = selectTasks(ctx.db).where("k.ticket_id", "=", ticketId);
  if (!isStaff) q = q.where("k.is_private", "=", 0);
  const rows = await q.orderBy("k.id").limit(MAX_TASKS).execute();
  return { data: rows.map(toTask), totalMinutes: rows.reduce((sum, r) => sum + r.minutes_spent, 0) };
}

export async function createTask(ctx: Ctx, ticketId: number, input: CreateTaskBody): Promise<Task> {
  const body = CreateTaskBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const ticket = await loadWritableTicket(trx, ctx.actor, ticketId);
    await checkAssignment(trx, ctx.actor, ticket.entity_id, body.technicianId);
    const at = now();
    const row = await trx.insertInto("ticket_task").values({
      ticket_id: ticketId, description: body.description, technician_id: body.technicianId ?? null,
      planned_start: body.plannedStart ?? null, planned_end: body.plannedEnd ?? null, minutes_spent: body.minutesSpent,
      is_done: flag(body.isDone), is_private: flag(body.isPrivate), created_by: ctx.actor.userId, created_at: at, updated_at: at,
    }).returning("id").executeTakeFirstOrThrow();
    await trx.updateTable("ticket").set({ updated_at: at }).where("id", "=", ticketId).execute();
    await recordHistory(trx, ctx.actor, { recordType: "ticket", recordId: ticketId, entityId: ticket.entity_id, action: "link",
      field: "task", label: body.description.slice(0, 200) });
    return row.id;
  });
  return toTask(await selectTasks(ctx.db).where("k.id", "=", id).executeTakeFirstOrThrow());
}

export async function updateTask(ctx: Ctx, ticketId: number, taskId: number, body: UpdateTaskBody): Promise<Task> {
  await ctx.db.transaction().execute(async (trx) => {
    const ticket = await loadWritableTicket(trx, ctx.actor, ticketId);
    const row = await trx.selectFrom("ticket_task").selectAll().where("id", "=", taskId).where("ticket_id", "=", ticketId).executeTakeFirst();
    if (!row) throw notFound("NOT_FOUND", `Task ${taskId}`);
    if (body.technicianId) await checkAssignment(trx, ctx.actor, ticket.entity_id, body.technicianId);
    const before = { description: row.description, technicianId: row.technician_id, plannedStart: row.planned_start,
      plannedEnd: row.planned_end, minutesSpent: row.minutes_spent, isDone: Boolean(row.is_done), isPrivate: Boolean(row.is_private) };
    const changes = diffFields(before, body).map((c) => ({ ...c, field: `task.${c.field}` }));
    if (changes.length === 0) return;
    const at = now();
    await trx.updateTable("ticket_task").set({
      description: body.description ?? row.description,
      technician_id: body.technicianId === undefined ? row.technician_id : body.technicianId,
      planned_start: body.plannedStart === undefined ? row.planned_start : body.plannedStart,
      planned_end: body.plannedEnd === undefined ? row.planned_end : body.plannedEnd,
      minutes_spent: body.minutesSpent ?? row.minutes_spent,
      is_done: body.isDone === undefined ? row.is_done : flag(body.isDone),
      is_private: body.isPrivate === undefined ? row.is_private : flag(body.isPrivate),
      updated_at: at,
    }).where("id", "=", taskId).execute();
    await trx.updateTable("ticket").set({ updated_at: at }).where("id", "=", ticketId).execute();
    await recordHistory(trx, ctx.actor, { recordType: "ticket", recordId: ticketId, entityId: ticket.entity_id, action: "update", changes });
  });
  return toTask(await selectTasks(ctx.db).where("k.id", "=", taskId).executeTakeFirstOrThrow());
}
