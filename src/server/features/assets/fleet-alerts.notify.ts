/**
 * The fleet's alerts in the bell: each supervisor (or admin) of the record's entity, granted
 * there or recursively on a parent, is told once per record, alert kind and date. A date moved
 * (a renewal, a new warranty) is a new date: it warns again when it comes near.
 */
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { FleetAlertKind } from "../../../shared/api/contracts.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../db/values.js";
import { announce } from "../notifications/notify.js";
import { addDays } from "./contract-dates.js";

/**
 * How far ahead the bell warns. Four weeks, less than the 30 days read notifications are kept:
 * a warning purged while its date is still ahead would be sent again.
 */
export const ALERT_NOTIFY_DAYS = 28;

const int = (value: number | null) => sql<number>`cast(${value} as integer)`;
const text = (value: string | null) => sql<string>`cast(${value} as text)`;

const COLUMNS: ["user_id", "group_id", "skip_user_id", "kind", "ticket_id", "asset_id", "contract_id", "actor_id", "title", "due_at",
  "read_at", "created_at"] = ["user_id", "group_id", "skip_user_id", "kind", "ticket_id", "asset_id", "contract_id", "actor_id", "title",
  "due_at", "read_at", "created_at"];

/** The active users holding supervisor or admin on `entityColumn`'s entity, directly or from a parent by a recursive grant. */
function supervisorsOf(entityColumn: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`u.id in (select g.user_id from role_grant g
    join entity_closure ec on ec.ancestor_id = g.entity_id and (ec.depth = 0 or g.recursive = 1)
    where ec.descendant_id = ${sql.ref(entityColumn)} and g.role in ('supervisor', 'admin'))`;
}

type Tx = Kysely<DB>;

async function notifyContracts(trx: Tx, kind: "contract_ending" | "contract_notice", from: string, until: string, at: string) {
  const column = kind === "contract_ending" ? "c.end_date" : "c.notice_date";
  let due = trx.selectFrom("contract as c").innerJoin("app_user as u", (j) => j.on("u.is_active", "=", 1).on(supervisorsOf("c.entity_id")))
    .where(column, ">=", from).where(column, "<=", until)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom("notification as n").select("n.id")
      .whereRef("n.contract_id", "=", "c.id").where("n.kind", "=", sql.lit(kind)).whereRef("n.due_at", "=", column))));
  if (kind === "contract_notice") due = due.where("c.notice_months", ">", 0);
  return trx.insertInto("notification").columns(COLUMNS).expression(due.select(["u.id as user_id", int(null).as("group_id"),
    int(null).as("skip_user_id"), text(kind).as("kind"), int(null).as("ticket_id"), int(null).as("asset_id"), "c.id as contract_id",
    int(null).as("actor_id"), "c.name as title", sql<string>`${sql.ref(column)}`.as("due_at"), text(null).as("read_at"), text(at).as("created_at")]))
    .returning(["id", "user_id", "group_id"]).execute();
}

async function notifyWarranties(trx: Tx, from: string, until: string, at: string) {
  const due = trx.selectFrom("asset as a").innerJoin("app_user as u", (j) => j.on("u.is_active", "=", 1).on(supervisorsOf("a.entity_id")))
    .where("a.warranty_end", ">=", from).where("a.warranty_end", "<=", until).where("a.status", "not in", ["retired", "disposed"])
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom("notification as n").select("n.id")
      .whereRef("n.asset_id", "=", "a.id").where("n.kind", "=", sql.lit("warranty_ending")).whereRef("n.due_at", "=", "a.warranty_end"))));
  return trx.insertInto("notification").columns(COLUMNS).expression(due.select(["u.id as user_id", int(null).as("group_id"),
    int(null).as("skip_user_id"), text("warranty_ending").as("kind"), int(null).as("ticket_id"), "a.id as asset_id", int(null).as("contract_id"),
    int(null).as("actor_id"), sql<string>`a.asset_tag || ' — ' || a.name`.as("title"), "a.warranty_end as due_at", text(null).as("read_at"),
    text(at).as("created_at")]))
    .returning(["id", "user_id", "group_id"]).execute();
}

/** Sends the alerts due from `today` to ALERT_NOTIFY_DAYS ahead that nobody was told of yet; returns how many notifications. */
export async function notifyFleetAlerts(db: Kysely<DB>, today: string, kinds: readonly FleetAlertKind[] = ["contract_notice", "contract_ending", "warranty_ending"]): Promise<number> {
  const until = addDays(today, ALERT_NOTIFY_DAYS);
  const at = now();
  return db.transaction().execute(async (trx) => {
    const sent = [];
    for (const kind of kinds) {
      sent.push(...(kind === "warranty_ending" ? await notifyWarranties(trx, today, until, at) : await notifyContracts(trx, kind, today, until, at)));
    }
    await announce(trx, sent);
    return sent.length;
  });
}
