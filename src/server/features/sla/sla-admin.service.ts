import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type {
  CreateSlaCalendarBodySchema, CreateSlaPolicyBodySchema, SlaCalendar, SlaLevel, SlaPolicy, UpdateSlaCalendarBodySchema,
  UpdateSlaPolicyBodySchema,
} from "../../../shared/api/sla.js";
import type { ValidationIssue } from "../../../shared/api/errors.js";
import type { Db } from "../../db/database.js";
import { flag, now } from "../../db/values.js";
import { isVisibleIn } from "../../db/tree.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { enqueue } from "../../jobs/queue.js";
import { assertCan, entityScope, inScope } from "../identity/access.js";
import type { BusinessCalendar } from "./calendar/calendar.js";
import { recordSettingChange } from "../history/history.service.js";
import { forgetSlaConfig } from "./sla-config.js";
import { checkSlaContract } from "./contract-use.js";
import { calendarSnapshot, levelGroupNames, policySnapshot } from "./sla-history.js";
import { recomputeJob } from "./sla-recompute.js";
import type { SlaCalendarRow, SlaPolicyRow } from "./sla.table.js";

/** Business calendars and SLA policies, for supervisors (sla.manage) of their entities. */

const LIST_MAX = 1000;

type CalendarWithEntity = SlaCalendarRow & { entity_name: string; contract_name: string | null };
type PolicyWithNames = SlaPolicyRow & { entity_name: string; category_name: string | null; contract_name: string | null };

export function toCalendar(row: CalendarWithEntity): SlaCalendar {
  return { id: row.id, entityId: row.entity_id, entityName: row.entity_name, contractId: row.contract_id, contractName: row.contract_name, name: row.name,
    definition: JSON.parse(row.definition) as BusinessCalendar, version: row.version, updatedAt: row.updated_at };
}

export function toPolicy(row: PolicyWithNames): SlaPolicy {
  return { id: row.id, name: row.name, entityId: row.entity_id, entityName: row.entity_name, isRecursive: row.is_recursive === 1,
    categoryId: row.category_id, categoryName: row.category_name, contractId: row.contract_id, contractName: row.contract_name,
    targets: JSON.parse(row.targets), levels: JSON.parse(row.levels),
    isActive: row.is_active === 1, version: row.version, updatedAt: row.updated_at };
}

/** The deadlines of the open tickets below the entity follow the change, in a job after the commit. */
async function changedUnder(trx: Db, entityId: number): Promise<void> {
  await enqueue(trx, recomputeJob, { entityId });
}

/** Who changed the calendar and what, field by field, in the change's transaction; `after` null for a deletion. */
async function recordCalendar(ctx: Ctx, trx: Db, before: CalendarWithEntity | null, after: CalendarWithEntity | null): Promise<void> {
  const row = (after ?? before)!;
  await recordSettingChange(trx, ctx.actor, { recordType: "sla_calendar", recordId: row.id, entityId: row.entity_id, label: row.name,
    before: before && calendarSnapshot(toCalendar(before)), after: after && calendarSnapshot(toCalendar(after)) });
}

export function calendars(db: Db) {
  return db.selectFrom("sla_calendar as c").innerJoin("entity as e", "e.id", "c.entity_id").leftJoin("contract as k", "k.id", "c.contract_id")
    .selectAll("c").select(["e.complete_name as entity_name", "k.name as contract_name"]);
}

export async function listSlaCalendars(ctx: Ctx): Promise<{ data: SlaCalendar[] }> {
  const scope = entityScope(ctx.actor, "sla.manage");
  const rows = await calendars(ctx.db).where(inScope("c.entity_id", scope)).orderBy("e.complete_name").limit(LIST_MAX).execute();
  return { data: rows.map(toCalendar) };
}

async function loadCalendar(ctx: Ctx, db: Db, id: number): Promise<CalendarWithEntity> {
  const row = await calendars(db).where("c.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("SLA_CALENDAR_NOT_FOUND", `Calendar ${id}`);
  await assertCan(db, ctx.actor, "sla.manage", row.entity_id).catch(() => { throw notFound("SLA_CALENDAR_NOT_FOUND", `Calendar ${id}`); });
  return row;
}

export async function getSlaCalendar(ctx: Ctx, id: number): Promise<SlaCalendar> {
  return toCalendar(await loadCalendar(ctx, ctx.db, id));
}

export async function createSlaCalendar(ctx: Ctx, body: z.output<typeof CreateSlaCalendarBodySchema>): Promise<SlaCalendar> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    await assertCan(trx, ctx.actor, "sla.manage", body.entityId);
    const contractId = body.contractId ?? null;
    if (contractId !== null) await checkSlaContract(trx, contractId, body.entityId);
    // One calendar per entity, and one per contract (its support hours).
    const taken = await trx.selectFrom("sla_calendar").select("id").where((eb) => (contractId === null
      ? eb.and([eb("entity_id", "=", body.entityId), eb("contract_id", "is", null)]) : eb("contract_id", "=", contractId))).executeTakeFirst();
    if (taken) throw new AppError("SLA_CALENDAR_EXISTS", `Entity ${body.entityId} (contract ${contractId}) already has calendar ${taken.id}`);
    const at = now();
    const row = await trx.insertInto("sla_calendar").values({ entity_id: body.entityId, contract_id: contractId, name: body.name,
      definition: JSON.stringify(body.definition),
      version: 1, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
    await changedUnder(trx, body.entityId);
    await recordCalendar(ctx, trx, null, await loadCalendar(ctx, trx, row.id));
    return row.id;
  });
  forgetSlaConfig(ctx.db);
  return getSlaCalendar(ctx, id);
}

export async function updateSlaCalendar(ctx: Ctx, id: number, body: z.output<typeof UpdateSlaCalendarBodySchema>): Promise<SlaCalendar> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadCalendar(ctx, trx, id);
    if (row.version !== body.version) throw new AppError("SLA_VERSION_CONFLICT", `Calendar ${id} is at version ${row.version}`);
    await trx.updateTable("sla_calendar").set({ name: body.name, definition: body.definition && JSON.stringify(body.definition),
      version: row.version + 1, updated_at: now() }).where("id", "=", id).execute();
    if (body.definition) await changedUnder(trx, row.entity_id);
    await recordCalendar(ctx, trx, row, await loadCalendar(ctx, trx, id));
  });
  forgetSlaConfig(ctx.db);
  return getSlaCalendar(ctx, id);
}

export async function deleteSlaCalendar(ctx: Ctx, id: number): Promise<{ ok: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadCalendar(ctx, trx, id);
    await trx.deleteFrom("sla_calendar").where("id", "=", id).execute();
    await changedUnder(trx, row.entity_id);
    await recordCalendar(ctx, trx, row, null);
  });
  forgetSlaConfig(ctx.db);
  return { ok: true };
}

async function recordPolicy(ctx: Ctx, trx: Db, before: PolicyWithNames | null, after: PolicyWithNames | null): Promise<void> {
  const row = (after ?? before)!;
  const [old, next] = [before && toPolicy(before), after && toPolicy(after)];
  const groups = await levelGroupNames(trx, old, next);
  await recordSettingChange(trx, ctx.actor, { recordType: "sla_policy", recordId: row.id, entityId: row.entity_id, label: row.name,
    before: old && policySnapshot(old, groups), after: next && policySnapshot(next, groups) });
}

export function policies(db: Db) {
  return db.selectFrom("sla_policy as p").innerJoin("entity as e", "e.id", "p.entity_id")
    .leftJoin("ticket_category as c", "c.id", "p.category_id").leftJoin("contract as k", "k.id", "p.contract_id")
    .selectAll("p").select(["e.complete_name as entity_name", "c.complete_name as category_name", "k.name as contract_name"]);
}

export async function listSlaPolicies(ctx: Ctx): Promise<{ data: SlaPolicy[] }> {
  const scope = entityScope(ctx.actor, "sla.manage");
  const rows = await policies(ctx.db).where(inScope("p.entity_id", scope)).orderBy("e.complete_name").orderBy("p.name").limit(LIST_MAX).execute();
  return { data: rows.map(toPolicy) };
}

async function loadPolicy(ctx: Ctx, db: Db, id: number): Promise<PolicyWithNames> {
  const row = await policies(db).where("p.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("SLA_POLICY_NOT_FOUND", `SLA ${id}`);
  await assertCan(db, ctx.actor, "sla.manage", row.entity_id).catch(() => { throw notFound("SLA_POLICY_NOT_FOUND", `SLA ${id}`); });
  return row;
}

export async function getSlaPolicy(ctx: Ctx, id: number): Promise<SlaPolicy> {
  return toPolicy(await loadPolicy(ctx, ctx.db, id));
}

type PolicyInput = z.output<typeof CreateSlaPolicyBodySchema>;

/** What makes a policy unable to apply, each with the field to fix: refused at save rather than failing in the escalation job. */
async function policyIssues(db: Db, p: PolicyInput): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  const seen = new Set<number>();
  p.targets.forEach((t, i) => {
    if (seen.has(t.priority)) issues.push({ path: `body.targets.${i}.priority`, message: "this priority already has a target" });
    seen.add(t.priority);
    if (t.ownMinutes === null && t.resolveMinutes === null) issues.push({ path: `body.targets.${i}`, message: "set a time to own, to resolve, or both" });
    if (t.ownMinutes !== null && t.resolveMinutes !== null && t.ownMinutes > t.resolveMinutes) {
      issues.push({ path: `body.targets.${i}.ownMinutes`, message: "the time to own cannot exceed the time to resolve" });
    }
  });
  if (p.categoryId !== null) {
    const category = await db.selectFrom("ticket_category").select("entity_id").where("id", "=", p.categoryId).executeTakeFirst();
    if (!category || !(await isVisibleIn(db, category.entity_id, p.entityId))) {
      issues.push({ path: "body.categoryId", message: "no such category in this entity" });
    }
  }
  for (const [i, level] of p.levels.entries()) issues.push(...(await levelIssues(db, p, level, `body.levels.${i}`)));
  return issues;
}

async function levelIssues(db: Db, p: PolicyInput, level: SlaLevel, path: string): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  const field = level.target === "own" ? "ownMinutes" : "resolveMinutes";
  if (!p.targets.some((t) => t[field] !== null)) issues.push({ path: `${path}.target`, message: `no target sets ${field}: this level would never fire` });
  if (level.trigger === "share" && level.percent === null) issues.push({ path: `${path}.percent`, message: "a share of the time is needed" });
  if (level.notify.length === 0 && level.groupId === null && !level.raisePriority) issues.push({ path, message: "a level needs at least one action" });
  if (level.groupId !== null) {
    const group = await db.selectFrom("user_group").select("entity_id").where("id", "=", level.groupId).executeTakeFirst();
    if (!group || !(await isVisibleIn(db, group.entity_id, p.entityId))) issues.push({ path: `${path}.groupId`, message: "no such group in this entity" });
  }
  return issues;
}

async function checkPolicy(db: Db, p: PolicyInput): Promise<string> {
  if (p.contractId) await checkSlaContract(db, p.contractId, p.entityId);
  const issues = await policyIssues(db, p);
  if (issues.length > 0) throw new AppError("SLA_POLICY_INVALID", "The SLA cannot apply as it is", issues);
  const levels = p.levels.map((level) => ({ ...level, id: level.id ?? randomBytes(4).toString("hex") }));
  return JSON.stringify(levels);
}

export async function createSlaPolicy(ctx: Ctx, body: PolicyInput): Promise<SlaPolicy> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    await assertCan(trx, ctx.actor, "sla.manage", body.entityId);
    const levels = await checkPolicy(trx, body);
    const at = now();
    const row = await trx.insertInto("sla_policy").values({ entity_id: body.entityId, is_recursive: flag(body.isRecursive), category_id: body.categoryId,
      contract_id: body.contractId ?? null, name: body.name, targets: JSON.stringify(body.targets), levels, is_active: flag(body.isActive), version: 1, created_at: at, updated_at: at,
    }).returning("id").executeTakeFirstOrThrow();
    await changedUnder(trx, body.entityId);
    await recordPolicy(ctx, trx, null, await loadPolicy(ctx, trx, row.id));
    return row.id;
  });
  forgetSlaConfig(ctx.db);
  return getSlaPolicy(ctx, id);
}

export async function updateSlaPolicy(ctx: Ctx, id: number, body: z.output<typeof UpdateSlaPolicyBodySchema>): Promise<SlaPolicy> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadPolicy(ctx, trx, id);
    if (row.version !== body.version) throw new AppError("SLA_VERSION_CONFLICT", `SLA ${id} is at version ${row.version}`);
    const current = toPolicy(row);
    const next: PolicyInput = { name: body.name ?? current.name, entityId: body.entityId ?? current.entityId,
      isRecursive: body.isRecursive ?? current.isRecursive, categoryId: body.categoryId === undefined ? current.categoryId : body.categoryId,
      contractId: body.contractId === undefined ? current.contractId : body.contractId, targets: body.targets ?? current.targets, levels: body.levels ?? current.levels, isActive: body.isActive ?? current.isActive };
    if (next.entityId !== row.entity_id) await assertCan(trx, ctx.actor, "sla.manage", next.entityId);
    const levels = await checkPolicy(trx, next);
    await trx.updateTable("sla_policy").set({ entity_id: next.entityId, is_recursive: flag(next.isRecursive), category_id: next.categoryId,
      contract_id: next.contractId ?? null, name: next.name, targets: JSON.stringify(next.targets), levels, is_active: flag(next.isActive), version: row.version + 1, updated_at: now(),
    }).where("id", "=", id).execute();
    await changedUnder(trx, row.entity_id);
    if (next.entityId !== row.entity_id) await changedUnder(trx, next.entityId);
    await recordPolicy(ctx, trx, row, await loadPolicy(ctx, trx, id));
  });
  forgetSlaConfig(ctx.db);
  return getSlaPolicy(ctx, id);
}

export async function deleteSlaPolicy(ctx: Ctx, id: number): Promise<{ ok: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadPolicy(ctx, trx, id);
    await trx.deleteFrom("sla_policy").where("id", "=", id).execute();
    await changedUnder(trx, row.entity_id);
    await recordPolicy(ctx, trx, row, null);
  });
  forgetSlaConfig(ctx.db);
  return { ok: true };
}
