import { type Kysely, sql } from "kysely";
import { addIdColumn } from "../dialect.js";

/**
 * The fleet's health signals the daily job has acted on: one open row per asset and signal
 * while the problem lasts (with the ticket it opened), closed when the problem is gone, so a
 * problem that comes back later opens a new ticket and a lasting one never opens a second.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable("asset_health_signal"))
    .addColumn("asset_id", "integer", (c) => c.notNull().references("asset.id").onDelete("cascade"))
    /** disk, antivirus or silent */
    .addColumn("signal", "text", (c) => c.notNull())
    .addColumn("raised_at", "text", (c) => c.notNull())
    .addColumn("ticket_id", "integer", (c) => c.references("ticket.id").onDelete("set null"))
    .addColumn("cleared_at", "text")
    .execute();
  // At most one open row per asset and signal: two job runs at once cannot open two tickets.
  await db.schema.createIndex("asset_health_signal_open_uq").on("asset_health_signal").columns(["asset_id", "signal"]).unique()
    .where(sql.ref("cleared_at"), "is", null).execute();
  // The open rows of one signal, walked by the job when it clears the problems that are gone.
  await db.schema.createIndex("asset_health_signal_signal_idx").on("asset_health_signal").columns(["signal", "cleared_at", "id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("asset_health_signal").execute();
}
