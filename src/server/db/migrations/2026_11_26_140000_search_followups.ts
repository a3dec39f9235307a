import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialect.js";
import { syncTrigger } from "./2026_11_25_120000_search_index.pg.js";
import { externalContent } from "./2026_11_25_120000_search_index.sqlite.js";

/**
 * Followups in the global search: a ticket is found by what was written in its conversation, not
 * only by its title and description. Same indexes as the tickets' (SQLite FTS5, PostgreSQL vectors
 * in a side table), kept by triggers.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const statements = dialectOf(db) === "postgres"
    ? [
      "create table search_followup (id integer primary key, vec tsvector not null)",
      "create index search_followup_vec_idx on search_followup using gin (vec)",
      ...syncTrigger(["search_followup", "ticket_followup", "after insert or delete or update of content", "vigie_text_vector(null, new.content)"]),
      "insert into search_followup(id, vec) select id, vigie_text_vector(null, content) from ticket_followup",
    ]
    : externalContent("ticket_followup", "search_followup", ["content"]);
  for (const s of statements) await sql.raw(s).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`drop trigger if exists search_followup_sync on ticket_followup`.execute(db);
    await sql`drop function if exists search_followup_sync()`.execute(db);
  } else {
    for (const t of ["search_followup_ai", "search_followup_ad", "search_followup_au"]) await sql.raw(`drop trigger if exists ${t}`).execute(db);
  }
  await sql`drop table if exists search_followup`.execute(db);
}
