import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { CreateTicketBody } from "../../../shared/api/tickets.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { linkTicketAssets } from "../assets/ticket-asset.service.js";
import type { Actor } from "../identity/access.js";
import { createTicket } from "../tickets/ticket.service.js";
import type { RecurringTicketRow, TicketTemplateRow } from "./automation.table.js";
import { textToHtml } from "./placeholders.js";
import { latestOccurrence, nextOccurrence } from "./recurring-schedule.js";
import { scheduleOf } from "./recurring.service.js";

/** Schedules handled per run of the job; the rest wait for the next run, minutes later. */
const DUE_BATCH = 100;

/**
 * The schedule acts as the user who set it up, with the rights of an administrator of its
 * entity alone: what it may name was checked when it was saved.
 */
function scheduleCtx(db: Kysely<DB>, log: FastifyBaseLogger, row: RecurringTicketRow): Ctx {
  const actor: Actor = { kind: "token", userId: row.created_by, name: `Ticket récurrent « ${row.name} »`,
    grants: [{ entityId: row.entity_id, role: "admin", recursive: true }] };
  return { db, actor, log, config: { sessionHours: 1, secureCookies: true, timeZone: row.time_zone, version: "" } };
}

function ticketBody(row: RecurringTicketRow, tpl: TicketTemplateRow, asset?: { id: number; name: string; entity_id: number }): CreateTicketBody {
  const title = (tpl.title || row.name).slice(0, 200);
  return {
    title: asset ? `${title} — ${asset.name}`.slice(0, 250) : title, description: textToHtml(tpl.description), channel: "api",
    entityId: asset?.entity_id ?? row.entity_id, ...(row.requester_id ? { requesterId: row.requester_id } : {}),
    ...(tpl.type ? { type: tpl.type as "incident" | "request" } : {}), ...(tpl.urgency ? { urgency: tpl.urgency as 1 } : {}),
    ...(tpl.impact ? { impact: tpl.impact as 1 } : {}), ...(tpl.category_id ? { categoryId: tpl.category_id } : {}),
    ...(tpl.group_id ? { groupId: tpl.group_id } : {}),
  };
}

/**
 * Creates the occurrence's tickets: one, or one per asset. Each is first claimed by a unique
 * (schedule, occurrence, asset) row, so two instances, or a retried job, never create it twice;
 * a ticket that fails to be created releases its claim for the next try.
 */
async function createOccurrence(db: Kysely<DB>, log: FastifyBaseLogger, row: RecurringTicketRow, occurrence: string): Promise<number> {
  const tpl = await db.selectFrom("ticket_template").selectAll().where("id", "=", row.template_id).executeTakeFirst();
  if (!tpl) throw new Error(`recurring ticket ${row.id}: template ${row.template_id} is gone`);
  const assets = await db.selectFrom("recurring_ticket_asset as ra").innerJoin("asset as a", "a.id", "ra.asset_id")
    .select(["a.id", "a.name", "a.entity_id"]).where("ra.recurring_id", "=", row.id).orderBy("a.id").execute();
  const ctx = scheduleCtx(db, log, row);
  let created = 0;
  for (const asset of assets.length > 0 ? assets : [undefined]) {
    const claim = await db.insertInto("recurring_ticket_run").values({ recurring_id: row.id, occurrence, asset_key: asset?.id ?? 0, ticket_id: null, created_at: now() })
      .onConflict((oc) => oc.columns(["recurring_id", "occurrence", "asset_key"]).doNothing()).returning("id").executeTakeFirst();
    if (!claim) continue;
    try {
      const ticket = await createTicket(ctx, ticketBody(row, tpl, asset));
      if (asset) await linkTicketAssets(ctx, ticket.id, [asset.id]);
      await db.updateTable("recurring_ticket_run").set({ ticket_id: ticket.id }).where("id", "=", claim.id).execute();
      created++;
    } catch (err) {
      await db.deleteFrom("recurring_ticket_run").where("id", "=", claim.id).execute();
      throw err;
    }
  }
  return created;
}

/** Runs every due schedule: the latest occurrence missed (a downtime creates one ticket, not a backlog), then the next one is set. */
export async function runDueRecurring(db: Kysely<DB>, log: FastifyBaseLogger, at = new Date()): Promise<number> {
  const due = await db.selectFrom("recurring_ticket").selectAll().where("is_active", "=", 1).where("next_run_at", "<=", at.toISOString())
    .orderBy("next_run_at").limit(DUE_BATCH).execute();
  let created = 0;
  for (const row of due) {
    const schedule = scheduleOf(row);
    const occurrence = latestOccurrence(schedule, new Date(row.next_run_at as string), at).toISOString();
    created += await createOccurrence(db, log, row, occurrence);
    // Moved on only if no other instance moved it meanwhile.
    await db.updateTable("recurring_ticket").set({ next_run_at: nextOccurrence(schedule, at).toISOString(), last_run_at: occurrence })
      .where("id", "=", row.id).where("next_run_at", "=", row.next_run_at).execute();
  }
  return created;
}
