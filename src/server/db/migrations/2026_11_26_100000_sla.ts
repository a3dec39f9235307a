import { type Kysely, sql } from "kysely";
import { addIdColumn } from "../dialect.js";

/**
 * Business calendars, SLA policies, the deadlines they set on tickets and the escalation levels
 * already fired. A ticket's deadlines live on the ticket row itself, so that the queue sorts and
 * filters by them on an index and the ticket write path adds no row.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // One calendar per entity at most; an entity without one uses its nearest ancestor's.
  await addIdColumn(db, db.schema.createTable("sla_calendar"))
    .addColumn("entity_id", "integer", (c) => c.notNull().unique().references("entity.id"))
    .addColumn("name", "text", (c) => c.notNull())
    /** The BusinessCalendar as JSON (hours, time zone, holidays, closures). */
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await addIdColumn(db, db.schema.createTable("sla_policy"))
    .addColumn("entity_id", "integer", (c) => c.notNull().references("entity.id"))
    .addColumn("is_recursive", "integer", (c) => c.notNull())
    .addColumn("category_id", "integer", (c) => c.references("ticket_category.id"))
    .addColumn("name", "text", (c) => c.notNull())
    /** [{ priority, ownMinutes, resolveMinutes }] as JSON. */
    .addColumn("targets", "text", (c) => c.notNull())
    /** [{ id, target, trigger, percent, minutesAfter, notify, groupId, raisePriority }] as JSON. */
    .addColumn("levels", "text", (c) => c.notNull())
    .addColumn("is_active", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sla_policy_entity_idx").on("sla_policy").columns(["entity_id", "name"]).execute();

  // Each escalation level fires once per ticket: the unique key is what two instances race on.
  await addIdColumn(db, db.schema.createTable("sla_escalation"))
    .addColumn("ticket_id", "integer", (c) => c.notNull().references("ticket.id").onDelete("cascade"))
    .addColumn("level_key", "text", (c) => c.notNull())
    .addColumn("fired_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sla_escalation_ticket_idx").on("sla_escalation").columns(["ticket_id", "level_key"]).unique().execute();

  const ticket = (name: string, type: "integer" | "text") => db.schema.alterTable("ticket").addColumn(name, type).execute();
  await ticket("sla_id", "integer");
  await ticket("sla_started_at", "text");
  await ticket("sla_paused_ms", "integer");
  await ticket("sla_paused_at", "text");
  await ticket("sla_own_minutes", "integer");
  await ticket("sla_resolve_minutes", "integer");
  await ticket("sla_own_due_at", "text");
  await ticket("sla_resolve_due_at", "text");
  await ticket("sla_own_met_at", "text");
  await ticket("sla_next_due_at", "text");
  await ticket("sla_next_warn_at", "text");
  await ticket("sla_next_escalation_at", "text");
  // Partial: tickets without an SLA (most of them, where none is set up) cost these indexes nothing on insert.
  // The queries compare the column (late, at risk) or ask for it not null (the deadline sort), which implies the predicate.
  const index = (name: string, column: string) => db.schema.createIndex(name).on("ticket").columns(["is_open", column, "id"])
    .where(sql.ref(column), "is not", null).execute();
  await index("ticket_sla_due_idx", "sla_next_due_at");
  await index("ticket_sla_warn_idx", "sla_next_warn_at");
  await db.schema.createIndex("ticket_sla_escalation_idx").on("ticket").columns(["sla_next_escalation_at", "id"])
    .where(sql.ref("sla_next_escalation_at"), "is not", null).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ["ticket_sla_due_idx", "ticket_sla_warn_idx", "ticket_sla_escalation_idx"]) await db.schema.dropIndex(name).execute();
  for (const name of ["sla_id", "sla_started_at", "sla_paused_ms", "sla_paused_at", "sla_own_minutes", "sla_resolve_minutes", "sla_own_due_at",
    "sla_resolve_due_at", "sla_own_met_at", "sla_next_due_at", "sla_next_warn_at", "sla_next_escalation_at"]) {
    await db.schema.alterTable("ticket").dropColumn(name).execute();
  }
  await db.schema.dropTable("sla_escalation").execute();
  await db.schema.dropTable("sla_policy").execute();
  await db.schema.dropTable("sla_calendar").execute();
}
