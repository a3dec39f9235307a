import type { MergeBody } from "../../../shared/api/ticket-links.js";
import type { Ticket } from "../../../shared/api/tickets.js";
import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError } from "../../http/errors.js";
import { recordHistory } from "../history/history.service.js";
import type { Actor } from "../identity/access.js";
import { addSystemFollowup } from "./followup.service.js";
import { loadWritableTicket } from "./ticket-access.js";
import { applyTicketChange } from "./ticket-write.js";
import { presentTicket } from "./ticket.service.js";

/**
 * Merges duplicates into one ticket, as GLPI does: each source's description, followups, tasks
 * and files are copied to the target, its requester and observers follow the target, and the
 * source is closed, pointing at the target. All or nothing, in one transaction.
 */
export async function mergeTickets(ctx: Ctx, targetId: number, body: MergeBody): Promise<Ticket> {
  const sourceIds = [...new Set(body.sourceIds)];
  if (sourceIds.includes(targetId)) throw new AppError("TICKET_LINK_INVALID", "A ticket cannot be merged into itself");
  await ctx.db.transaction().execute(async (trx) => {
    const target = await loadWritableTicket(trx, ctx.actor, targetId);
    if (target.status === "closed") throw new AppError("TICKET_LINK_INVALID", "Reopen the target ticket before merging into it");
    for (const sourceId of sourceIds) {
      const source = await loadWritableTicket(trx, ctx.actor, sourceId);
      await moveContent(trx, ctx.actor, source, target);
      await closeIntoTarget(trx, ctx.actor, source, targetId);
      await recordHistory(trx, ctx.actor, { recordType: "ticket", recordId: targetId, entityId: target.entity_id, action: "link", field: "merge", label: `#${sourceId}` });
    }
  });
  return presentTicket(ctx.db, targetId);
}

async function moveContent(trx: Db, actor: Actor, source: TicketRow, target: TicketRow): Promise<void> {
  // The source's own words head what is copied, so the target's timeline reads in order.
  await addSystemFollowup(trx, actor, target.id, "merge", `<p><strong>#${source.id} — ${escapeHtml(source.title)}</strong></p>${source.description}`, false);
  await trx.insertInto("ticket_followup")
    .columns(["ticket_id", "kind", "is_private", "content", "author_id", "author_name", "created_at"])
    .expression(trx.selectFrom("ticket_followup")
      .select((eb) => [eb.val(target.id).as("ticket_id"), "kind", "is_private", "content", "author_id", "author_name", "created_at"])
      .where("ticket_id", "=", source.id).orderBy("id"))
    .execute();
  await trx.insertInto("ticket_task")
    .columns(["ticket_id", "description", "technician_id", "planned_start", "planned_end", "minutes_spent", "is_done", "is_private", "created_by", "created_at", "updated_at"])
    .expression(trx.selectFrom("ticket_task")
      .select((eb) => [eb.val(target.id).as("ticket_id"), "description", "technician_id", "planned_start", "planned_end", "minutes_spent", "is_done", "is_private", "created_by", "created_at", "updated_at"])
      .where("ticket_id", "=", source.id))
    .execute();
  // Files are content-addressed: moving the row moves the file.
  await trx.updateTable("attachment").set({ ticket_id: target.id }).where("ticket_id", "=", source.id).execute();
  const followers = await trx.selectFrom("ticket_observer").select("user_id").where("ticket_id", "=", source.id).execute();
  const userIds = new Set([...followers.map((f) => f.user_id), ...(source.requester_id ? [source.requester_id] : [])]);
  userIds.delete(target.requester_id ?? 0);
  const at = now();
  for (const userId of userIds) {
    await trx.insertInto("ticket_observer").values({ ticket_id: target.id, user_id: userId, created_at: at })
      .onConflict((oc) => oc.columns(["ticket_id", "user_id"]).doNothing()).execute();
  }
}

async function closeIntoTarget(trx: Db, actor: Actor, source: TicketRow, targetId: number): Promise<void> {
  const at = now();
  await applyTicketChange(trx, actor, source, source.version, {
    status: "closed", merged_into_id: targetId, solved_at: source.solved_at ?? at, closed_at: at, pending_reason: null, pending_until: null,
  });
  await trx.deleteFrom("ticket_link").where((eb) => eb.or([
    eb.and([eb("ticket_id", "=", source.id), eb("other_id", "=", targetId)]),
    eb.and([eb("ticket_id", "=", targetId), eb("other_id", "=", source.id)]),
  ])).execute();
  await trx.insertInto("ticket_link").values({ ticket_id: source.id, other_id: targetId, kind: "duplicate", created_by: actor.userId, created_at: at }).execute();
  await addSystemFollowup(trx, actor, source.id, "merge", `#${targetId}`, false);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
