import { type SqlBool, sql } from "kysely";
import { type Template, type TemplateBody, TemplateBodySchema } from "../../../shared/api/automation.js";
import type { ValidationIssue } from "../../../shared/api/errors.js";
import type { TicketType } from "../../../shared/domain/tickets.js";
import type { Db } from "../../db/database.js";
import { flag, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { assertCan, entityScope, inScope } from "../identity/access.js";
import { findEntityRow } from "../identity/entity.repo.js";
import type { TicketTemplateRow } from "./automation.table.js";
import { categoryProblem, collect, groupProblem, usableIn } from "./references.js";

export const TEMPLATE_LIST_MAX = 1000;

type TemplateListRow = TicketTemplateRow & { entity_name: string | null; category_name: string | null; group_name: string | null };

function toTemplate(r: TemplateListRow): Template {
  return {
    id: r.id, name: r.name, entityId: r.entity_id, entityName: r.entity_name ?? "", isRecursive: r.is_recursive === 1,
    categoryId: r.category_id, categoryName: r.category_name, title: r.title, description: r.description, type: r.type as TicketType | null,
    urgency: r.urgency, impact: r.impact, groupId: r.group_id, groupName: r.group_name, isActive: r.is_active === 1, updatedAt: r.updated_at,
  };
}

function selectTemplates(db: Db) {
  return db.selectFrom("ticket_template as t").selectAll("t").select((eb) => [
    eb.selectFrom("entity as e").select("e.complete_name").whereRef("e.id", "=", "t.entity_id").as("entity_name"),
    eb.selectFrom("ticket_category as c").select("c.complete_name").whereRef("c.id", "=", "t.category_id").as("category_name"),
    eb.selectFrom("user_group as g").select("g.name").whereRef("g.id", "=", "t.group_id").as("group_name"),
  ]);
}

/**
 * Without an entity: every template the caller manages (the admin page). With one: the active
 * templates a technician may start a ticket from there, for the category or for any.
 */
export async function listTemplates(ctx: Ctx, query: { entityId?: number; categoryId?: number; usable?: boolean }): Promise<{ data: Template[] }> {
  let q = selectTemplates(ctx.db);
  if (query.entityId || query.usable) {
    if (query.entityId) {
      await assertCan(ctx.db, ctx.actor, "ticket.write", query.entityId);
      q = q.where(usableIn(query.entityId));
    } else {
      const scope = entityScope(ctx.actor, "ticket.write");
      // Its entity is one the caller works in, or a parent of one when the template is recursive.
      q = q.where(sql<SqlBool>`(${inScope("t.entity_id", scope)} or (t.is_recursive = 1
        and t.entity_id in (select ancestor_id from entity_closure where ${inScope("descendant_id", scope)})))`);
    }
    q = q.where("t.is_active", "=", 1);
    if (query.categoryId) q = q.where((eb) => eb.or([eb("t.category_id", "=", query.categoryId as number), eb("t.category_id", "is", null)]));
  } else {
    q = q.where(inScope("t.entity_id", entityScope(ctx.actor, "automation.manage")));
  }
  const rows = await q.orderBy("t.name").orderBy("t.id").limit(TEMPLATE_LIST_MAX).execute();
  return { data: rows.map(toTemplate) };
}

async function loadManaged(db: Db, ctx: Ctx, id: number): Promise<TicketTemplateRow> {
  const row = await db.selectFrom("ticket_template").selectAll().where("id", "=", id).executeTakeFirst();
  const allowed = row && (await assertCan(db, ctx.actor, "automation.manage", row.entity_id).then(() => true, () => false));
  if (!row || !allowed) throw notFound("TICKET_TEMPLATE_NOT_FOUND", `Template ${id}`);
  return row;
}

async function checkTemplate(db: Db, body: ReturnType<typeof TemplateBodySchema.parse>): Promise<void> {
  const issues: ValidationIssue[] = [];
  if (body.groupId) await collect(issues, "body.groupId", groupProblem(db, body.groupId, body.entityId));
  if (body.categoryId) await collect(issues, "body.categoryId", categoryProblem(db, body.categoryId, body.entityId));
  if (issues.length > 0) throw new AppError("VALIDATION_FAILED", "The template names a group or category outside its entity", issues);
}

function values(body: ReturnType<typeof TemplateBodySchema.parse>) {
  return {
    entity_id: body.entityId, is_recursive: flag(body.isRecursive), name: body.name, category_id: body.categoryId, title: body.title,
    description: body.description, type: body.type, urgency: body.urgency, impact: body.impact, group_id: body.groupId, is_active: flag(body.isActive),
  };
}

async function present(db: Db, id: number): Promise<Template> {
  return toTemplate(await selectTemplates(db).where("t.id", "=", id).executeTakeFirstOrThrow());
}

export async function createTemplate(ctx: Ctx, input: TemplateBody): Promise<Template> {
  const body = TemplateBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (!(await findEntityRow(trx, body.entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${body.entityId}`);
    await assertCan(trx, ctx.actor, "automation.manage", body.entityId);
    await checkTemplate(trx, body);
    const at = now();
    return (await trx.insertInto("ticket_template").values({ ...values(body), created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow()).id;
  });
  return present(ctx.db, id);
}

export async function updateTemplate(ctx: Ctx, id: number, input: TemplateBody): Promise<Template> {
  const body = TemplateBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    await loadManaged(trx, ctx, id);
    await assertCan(trx, ctx.actor, "automation.manage", body.entityId);
    await checkTemplate(trx, body);
    await trx.updateTable("ticket_template").set({ ...values(body), updated_at: now() }).where("id", "=", id).execute();
  });
  return present(ctx.db, id);
}

/** A template a rule applies or a schedule creates tickets from stays: deactivate it instead. */
export async function deleteTemplate(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await loadManaged(trx, ctx, id);
    const byRule = await trx.selectFrom("automation_rule").select("id")
      .where("actions", "like", `%"templateId":${id}}%`).executeTakeFirst();
    const bySchedule = await trx.selectFrom("recurring_ticket").select("id").where("template_id", "=", id).executeTakeFirst();
    if (byRule || bySchedule) throw new AppError("TEMPLATE_IN_USE", `Template ${id} is used by ${byRule ? `rule ${byRule.id}` : `recurring ticket ${bySchedule?.id}`}`);
    await trx.deleteFrom("ticket_template").where("id", "=", id).execute();
  });
}

