import { type CreateTicketBody, CreateTicketBodySchema, type Ticket, type UpdateTicketBody } from "../../../shared/api/tickets.js";
import type { SolutionType, TicketChannel, TicketStatus, TicketType } from "../../../shared/domain/tickets.js";
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { forbidden, notFound } from "../../http/errors.js";
import { recordHistory } from "../history/history.service.js";
import { allows, assertCan, roleOn } from "../identity/access.js";
import { notifyAssignment } from "../notifications/notify.js";
import { sanitizeRichText } from "./html.js";
import { loadReadableTicket, loadWritableTicket } from "./ticket-access.js";
import { findCategoryForTicket } from "../categories/category-use.js";
import { checkAssignment } from "./ticket-assignment.js";
import { afterTicketCreated } from "./ticket-hooks.js";
import { checkTicketContract } from "../sla/contract-use.js";
import { applyTicketChange, computePriority, insertTicketRow, statusAfterAssignment } from "./ticket-write.js";
import { type TicketListRow, selectTickets } from "./ticket.repo.js";

const fullName = (first: string | null, last: string | null) => (first === null ? null : `${first} ${last ?? ""}`.trim());

export function toTicket(row: TicketListRow): Ticket {
  return {
    id: row.id, entityId: row.entity_id, entityName: row.entity_name ?? "", type: row.type as TicketType, title: row.title,
    description: row.description, channel: row.channel as TicketChannel, requesterId: row.requester_id,
    requesterName: fullName(row.requester_first_name, row.requester_last_name), contactName: row.contact_name,
    contactPhone: row.contact_phone, contactEmail: row.contact_email, assigneeId: row.assignee_id,
    assigneeName: fullName(row.assignee_first_name, row.assignee_last_name), groupId: row.group_id,
    groupName: row.group_name, level: row.level, status: row.status as TicketStatus, pendingReason: row.pending_reason,
    pendingUntil: row.pending_until, urgency: row.urgency, impact: row.impact, priority: row.priority,
    dueAt: row.due_at, callSeconds: row.call_seconds, version: row.version, createdAt: row.created_at,
    updatedAt: row.updated_at, solvedAt: row.solved_at, closedAt: row.closed_at, satisfaction: row.satisfaction,
    satisfactionComment: row.satisfaction_comment, mergedIntoId: row.merged_into_id, solutionType: row.solution_type as SolutionType | null, categoryId: row.category_id, categoryName: row.category_name,
    contractId: row.contract_id, contractName: row.contract_name,
    sla: row.sla_id === null ? null : { ownDueAt: row.sla_own_due_at, ownMetAt: row.sla_own_met_at, resolveDueAt: row.sla_resolve_due_at,
      nextDueAt: row.sla_next_due_at, nextWarnAt: row.sla_next_warn_at, pausedAt: row.sla_paused_at },
  };
}

export async function presentTicket(db: Db, id: number): Promise<Ticket> {
  return toTicket(await selectTickets(db).where("t.id", "=", id).executeTakeFirstOrThrow());
}

export async function getTicket(ctx: Ctx, id: number): Promise<Ticket> {
  await loadReadableTicket(ctx.db, ctx.actor, id);
  return presentTicket(ctx.db, id);
}

async function entityOf(db: Db, userId: number): Promise<number> {
  return (await db.selectFrom("app_user").select("entity_id").where("id", "=", userId).executeTakeFirstOrThrow()).entity_id;
}

/**
 * Opens a ticket. Staff may open it for anyone of their entities and set every field; a
 * requester opens it for themselves, with an urgency but no assignment.
 */
export async function createTicket(ctx: Ctx, input: CreateTicketBody): Promise<Ticket> {
  const body = CreateTicketBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const requester = body.requesterId
      ? await trx.selectFrom("app_user").select(["id", "entity_id"]).where("id", "=", body.requesterId).executeTakeFirst()
      : undefined;
    if (body.requesterId && !requester) throw notFound("USER_NOT_FOUND", `User ${body.requesterId}`);
    const entityId = body.entityId ?? requester?.entity_id ?? (await entityOf(trx, ctx.actor.userId));
    const isStaff = allows(await roleOn(trx, ctx.actor, entityId), "ticket.write");
    if (!isStaff) {
      await assertCan(trx, ctx.actor, "ticket.create", entityId);
      const staffOnly = [body.requesterId && body.requesterId !== ctx.actor.userId, body.assigneeId, body.groupId, body.impact, body.dueAt, body.contactName,
        body.contractId];
      if (staffOnly.some(Boolean)) throw forbidden();
    } else if (requester) {
      await assertCan(trx, ctx.actor, "user.read", requester.entity_id);
    }
    await checkAssignment(trx, ctx.actor, entityId, body.assigneeId, body.groupId);
    if (body.contractId) await checkTicketContract(trx, body.contractId, entityId, now().slice(0, 10));
    // The category's defaults fill only what the caller left out; its group was vetted when the category was set up.
    const category = body.categoryId ? await findCategoryForTicket(trx, body.categoryId, entityId, { portal: !isStaff }) : undefined;
    const groupId = body.groupId ?? category?.defaultGroupId ?? null;
    const urgency = body.urgency ?? category?.defaultUrgency ?? 3;
    const impact = body.impact ?? category?.defaultImpact ?? 3;
    const id = await insertTicketRow(trx, {
      entityId, type: body.type ?? category?.defaultType ?? "incident", title: body.title, description: body.description,
      channel: isStaff ? body.channel : "portal", requesterId: requester?.id ?? (body.contactName ? null : ctx.actor.userId),
      contactName: body.contactName, contactPhone: body.contactPhone, contactEmail: body.contactEmail,
      assigneeId: body.assigneeId, groupId, categoryId: category?.id ?? null, contractId: body.contractId, urgency, impact,
      dueAt: body.dueAt, callSeconds: body.callSeconds, createdBy: ctx.actor.userId,
    });
    await recordHistory(trx, ctx.actor, { recordType: "ticket", recordId: id, entityId, action: "create", label: body.title });
    await notifyAssignment(trx, ctx.actor, { id, title: body.title, assignee_id: body.assigneeId ?? null, group_id: groupId });
    await afterTicketCreated(trx, ctx.actor, id);
    return id;
  });
  return presentTicket(ctx.db, id);
}

export async function updateTicket(ctx: Ctx, id: number, body: UpdateTicketBody): Promise<Ticket> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableTicket(trx, ctx.actor, id);
    await checkAssignment(trx, ctx.actor, row.entity_id, body.assigneeId, body.groupId);
    if (body.categoryId && body.categoryId !== row.category_id) await findCategoryForTicket(trx, body.categoryId, row.entity_id, { portal: false });
    if (body.contractId && body.contractId !== row.contract_id) await checkTicketContract(trx, body.contractId, row.entity_id, row.created_at.slice(0, 10));
    const assigneeId = body.assigneeId === undefined ? row.assignee_id : body.assigneeId;
    const groupId = body.groupId === undefined ? row.group_id : body.groupId;
    const urgency = body.urgency ?? row.urgency;
    const impact = body.impact ?? row.impact;
    const { version, description, ...fields } = body;
    await applyTicketChange(trx, ctx.actor, row, version, {
      ...Object.fromEntries(Object.entries({
        type: fields.type, title: fields.title, channel: fields.channel, due_at: fields.dueAt, call_seconds: fields.callSeconds,
      }).filter(([, v]) => v !== undefined)),
      ...(description === undefined ? {} : { description: sanitizeRichText(description) }),
      ...(fields.categoryId === undefined ? {} : { category_id: fields.categoryId }),
      ...(fields.contractId === undefined ? {} : { contract_id: fields.contractId }),
      assignee_id: assigneeId, group_id: groupId, urgency, impact,
      priority: urgency === row.urgency && impact === row.impact ? row.priority : await computePriority(trx, urgency, impact),
      status: statusAfterAssignment(row.status, assigneeId, groupId),
    });
  });
  return presentTicket(ctx.db, id);
}
