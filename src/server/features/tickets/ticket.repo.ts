import type { Db } from "../../db/database.js";

/** Tickets with the names the presenters show: entity, requester, assignee, group, category. */
/**
 * Tickets with the names they show. The names come from scalar subqueries rather than joins:
 * PostgreSQL planned the six-table join in 5 ms for a query that runs in 1.5 ms, and a lookup
 * by primary key per column plans in a fraction of that.
 */
export function selectTickets(db: Db) {
  return db
    .selectFrom("ticket as t")
    .selectAll("t")
    .select((eb) => {
      const user = (column: "first_name" | "last_name", ref: "t.requester_id" | "t.assignee_id") =>
        eb.selectFrom("app_user as u").select(`u.${column}`).whereRef("u.id", "=", ref);
      return [
        eb.selectFrom("entity as e").select("e.complete_name").whereRef("e.id", "=", "t.entity_id").as("entity_name"),
        user("first_name", "t.requester_id").as("requester_first_name"), user("last_name", "t.requester_id").as("requester_last_name"),
        user("first_name", "t.assignee_id").as("assignee_first_name"), user("last_name", "t.assignee_id").as("assignee_last_name"),
        eb.selectFrom("user_group as g").select("g.name").whereRef("g.id", "=", "t.group_id").as("group_name"),
        eb.selectFrom("ticket_category as cat").select("cat.complete_name").whereRef("cat.id", "=", "t.category_id").as("category_name"),
        eb.selectFrom("contract as k").select("k.name").whereRef("k.id", "=", "t.contract_id").as("contract_name"),
      ];
    });
}

export type TicketListRow = Awaited<ReturnType<ReturnType<typeof selectTickets>["executeTakeFirstOrThrow"]>>;

export function findTicketRow(db: Db, id: number) {
  return db.selectFrom("ticket").selectAll().where("id", "=", id).executeTakeFirst();
}
