import type { Kysely } from "kysely";
import { z } from "zod";
import type { Db } from "../../db/database.js";
import { dialectOf } from "../../db/dialect.js";
import type { DB, TicketRow } from "../../db/schema.js";
import { now } from "../../db/values.js";
import { defineJob } from "../../jobs/queue.js";
import { recordHistory } from "../history/history.service.js";
import { notifyGroup, notifyUsers } from "../notifications/notify.js";
import { applyTicketChange, statusAfterAssignment } from "../tickets/ticket-write.js";
import { clockOf, levelsDue, type LevelDue } from "./sla-clock.js";
import { loadSlaConfig, resolveSla, type SlaConfig } from "./sla-config.js";

/**
 * The escalation levels: every minute, the tickets whose next level is due fire it. Each level
 * fires once per ticket: its (ticket, level) row is inserted first, and only the instance whose
 * insert went through applies the actions. On PostgreSQL a ticket another instance is escalating
 * is skipped (row lock, SKIP LOCKED) rather than waited for.
 */
const PAGE = 200;

export async function runEscalations(db: Kysely<DB>, at = new Date()): Promise<number> {
  const config = await loadSlaConfig(db);
  let fired = 0;
  let after = 0;
  for (;;) {
    const due = await db.selectFrom("ticket").select("id").where("sla_next_escalation_at", "<=", at.toISOString())
      .where("id", ">", after).orderBy("id").limit(PAGE).execute();
    if (due.length === 0) return fired;
    after = due.at(-1)!.id;
    for (const { id } of due) fired += await db.transaction().execute((trx) => escalateTicket(trx, config, id, at));
  }
}

async function lockTicket(trx: Db, id: number): Promise<TicketRow | undefined> {
  const q = trx.selectFrom("ticket").selectAll().where("id", "=", id);
  return dialectOf(trx) === "postgres" ? q.forUpdate().skipLocked().executeTakeFirst() : q.executeTakeFirst();
}

async function escalateTicket(trx: Db, config: SlaConfig, id: number, at: Date): Promise<number> {
  const row = await lockTicket(trx, id);
  if (!row) return 0;
  const firedKeys = new Set((await trx.selectFrom("sla_escalation").select("level_key").where("ticket_id", "=", id).execute()).map((r) => r.level_key));
  const resolved = resolveSla(config, row);
  const levels = resolved ? levelsDue(resolved, clockOf(row)) : [];
  let fired = 0;
  let current = row;
  for (const level of levels) {
    if (level.at > at.getTime() || firedKeys.has(level.key)) continue;
    const inserted = await trx.insertInto("sla_escalation").values({ ticket_id: id, level_key: level.key, fired_at: now() })
      .onConflict((oc) => oc.columns(["ticket_id", "level_key"]).doNothing()).returning("id").executeTakeFirst();
    firedKeys.add(level.key);
    if (!inserted) continue;
    current = await applyLevel(trx, current, level, resolved!.policy.name);
    fired++;
  }
  await trx.updateTable("ticket").set({ sla_next_escalation_at: await nextEscalation(trx, config, id, firedKeys) }).where("id", "=", id).execute();
  return fired;
}

/** The next level not fired yet, from the ticket as the actions left it (a raised priority has other targets). */
async function nextEscalation(trx: Db, config: SlaConfig, id: number, firedKeys: Set<string>): Promise<string | null> {
  const row = await trx.selectFrom("ticket").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const resolved = resolveSla(config, row);
  const pending = resolved ? levelsDue(resolved, clockOf(row)).filter((l) => !firedKeys.has(l.key)) : [];
  if (pending.length === 0) return null;
  return new Date(Math.min(...pending.map((l) => l.at))).toISOString();
}

async function applyLevel(trx: Db, row: TicketRow, { level }: LevelDue, slaName: string): Promise<TicketRow> {
  const change: Partial<TicketRow> = {};
  if (level.groupId !== null && level.groupId !== row.group_id) {
    Object.assign(change, { group_id: level.groupId, assignee_id: null, status: statusAfterAssignment(row.status, null, level.groupId) });
  }
  if (level.raisePriority && row.priority < 5) change.priority = row.priority + 1;
  if (Object.keys(change).length > 0) await applyTicketChange(trx, undefined, row, row.version, change);
  const ticket = Object.keys(change).length > 0 ? await trx.selectFrom("ticket").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow() : row;
  const about = { ticketId: row.id, title: ticket.title, actor: undefined };
  if (level.notify.includes("assignee")) await notifyUsers(trx, "sla_warning", about, [ticket.assignee_id]);
  if (level.notify.includes("group") && ticket.group_id !== null) await notifyGroup(trx, "sla_warning", about, ticket.group_id, ticket.assignee_id);
  if (level.notify.includes("supervisor") && ticket.group_id !== null) {
    const managers = await trx.selectFrom("group_member").select("user_id").where("group_id", "=", ticket.group_id).where("is_manager", "=", 1).execute();
    await notifyUsers(trx, "sla_warning", about, managers.map((m) => m.user_id));
  }
  const what = level.trigger === "share" ? `${level.percent} %` : `+${level.minutesAfter} min`;
  await recordHistory(trx, undefined, { recordType: "ticket", recordId: row.id, entityId: ticket.entity_id, action: "update",
    changes: [{ field: "slaEscalation", oldValue: null, newValue: `${slaName} — ${level.target} ${what}` }] });
  return ticket;
}

export const escalationJob = defineJob({
  name: "sla.escalate",
  payload: z.object({}),
  maxAttempts: 1,
  handler: async (_payload, { db, log }) => {
    const fired = await runEscalations(db);
    if (fired > 0) log.info({ fired }, "SLA escalation levels fired");
  },
});
