import type { ContractSla, TicketContract } from "../../../shared/api/sla.js";
import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import { visibleIn } from "../../db/tree.js";
import type { Ctx } from "../../http/context.js";
import { AppError, forbidden, notFound } from "../../http/errors.js";
import { enqueue } from "../../jobs/queue.js";
import { type Actor, assertCan } from "../identity/access.js";
import { loadReadableTicket } from "../tickets/ticket-access.js";
import { applyTicketChange } from "../tickets/ticket-write.js";
import { calendars, policies, toCalendar, toPolicy } from "./sla-admin.service.js";
import { defaultContract, forgetSlaConfig, slaConfig } from "./sla-config.js";
import { recomputeJob } from "./sla-recompute.js";

/**
 * SLAs per contract, as the other modules see them: the contracts a ticket may be worked under,
 * a contract's support hours and SLAs for its page, and what a contract's change means for them.
 */

/** An entity holds a handful of contracts; the bound only guards against a runaway list. */
const CONTRACTS_MAX = 200;

/** The contracts the ticket may be worked under: in force the day it was opened, of its entity or a parent (staff only). */
export async function listTicketContracts(ctx: Ctx, ticketId: number): Promise<{ data: TicketContract[] }> {
  const { row, isStaff } = await loadReadableTicket(ctx.db, ctx.actor, ticketId);
  if (!isStaff) throw forbidden();
  const day = row.created_at.slice(0, 10);
  const rows = await ctx.db.selectFrom("contract as c").innerJoin("entity as e", "e.id", "c.entity_id")
    .select(["c.id", "c.name", "c.number", "c.contract_type", "c.end_date", "e.complete_name as entity_name"])
    .select((eb) => eb.exists(eb.selectFrom("sla_policy as p").select("p.id").whereRef("p.contract_id", "=", "c.id").where("p.is_active", "=", 1))
      .as("has_sla"))
    .where(visibleIn("c.entity_id", row.entity_id)).where("c.start_date", "<=", day).where("c.end_date", ">=", day)
    .orderBy("c.name").orderBy("c.id").limit(CONTRACTS_MAX).execute();
  return { data: rows.map((r) => ({ id: r.id, name: r.name, number: r.number, contractType: r.contract_type, entityName: r.entity_name,
    endDate: r.end_date, hasSla: Boolean(r.has_sla) })) };
}

/** A contract's support hours and SLAs, for whoever may read the contract (asset.read of its entity). */
export async function getContractSla(ctx: Ctx, contractId: number): Promise<ContractSla> {
  const contract = await ctx.db.selectFrom("contract").select("entity_id").where("id", "=", contractId).executeTakeFirst();
  if (!contract) throw notFound("CONTRACT_NOT_FOUND", `Contract ${contractId}`);
  await assertCan(ctx.db, ctx.actor, "asset.read", contract.entity_id);
  const [calendar, list] = await Promise.all([
    calendars(ctx.db).where("c.contract_id", "=", contractId).executeTakeFirst(),
    policies(ctx.db).where("p.contract_id", "=", contractId).orderBy("p.name").orderBy("p.id").limit(CONTRACTS_MAX).execute(),
  ]);
  return { calendar: calendar ? toCalendar(calendar) : null, policies: list.map(toPolicy) };
}

/**
 * Refuses to delete a contract that still carries support hours or SLAs, or that tickets are
 * worked under (409 CONTRACT_IN_USE): their deadlines and records depend on it. The ticket
 * lookup has no index (no list filters tickets by contract); deleting a contract is rare.
 */
export async function assertContractUnused(db: Db, contractId: number): Promise<void> {
  const [calendar, policy, ticket] = await Promise.all([
    db.selectFrom("sla_calendar").select("id").where("contract_id", "=", contractId).executeTakeFirst(),
    db.selectFrom("sla_policy").select("id").where("contract_id", "=", contractId).executeTakeFirst(),
    db.selectFrom("ticket").select("id").where("contract_id", "=", contractId).limit(1).executeTakeFirst(),
  ]);
  if (calendar || policy) throw new AppError("CONTRACT_IN_USE", `Contract ${contractId} carries support hours or SLAs`);
  if (ticket) throw new AppError("CONTRACT_IN_USE", `Tickets are worked under contract ${contractId}`);
}

/** A contract's dates changed: the open tickets below its entity get new deadlines, in a job after the commit. */
export async function slaOnContractTermsChanged(db: Db, entityId: number): Promise<void> {
  await enqueue(db, recomputeJob, { entityId });
  forgetSlaConfig(db);
}

/**
 * After assets were linked to a ticket without a contract: when several support contracts with
 * an SLA cover its entity, the only one covering one of its assets becomes its contract (a
 * field change like any other: history, new deadlines).
 */
export async function contractAfterAssetsLinked(db: Db, actor: Actor, ticket: TicketRow): Promise<void> {
  if (ticket.contract_id !== null || ticket.is_open !== 1) return;
  const config = await slaConfig(db);
  if (config.contracts.size === 0) return;
  const covering = await db.selectFrom("contract_asset").select("contract_id")
    .where("asset_id", "in", db.selectFrom("ticket_asset").select("asset_id").where("ticket_id", "=", ticket.id)).execute();
  const contractId = defaultContract(config, ticket, new Set(covering.map((c) => c.contract_id)));
  if (contractId !== null) await applyTicketChange(db, actor, ticket, ticket.version, { contract_id: contractId });
}
