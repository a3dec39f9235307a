import type { Db } from "../../db/database.js";

/** Tickets with the names the presenters show: entity, requester, assignee, group, category. */
export function selectTickets(db: Db) {
  return db
    .selectFrom("ticket as t")
    .innerJoin("entity as e", "e.id", "t.entity_id")
    .leftJoin("app_user as r", "r.id", "t.requester_id")
    .leftJoin("app_user as a", "a.id", "t.assignee_id")
    .leftJoin("user_group as g", "g.id", "t.group_id")
    .leftJoin("ticket_category as cat", "cat.id", "t.category_id")
    .selectAll("t")
    .select([
      "e.complete_name as entity_name",
      "r.first_name as requester_first_name", "r.last_name as requester_last_name",
      "a.first_name as assignee_first_name", "a.last_name as assignee_last_name",
      "g.name as group_name",
      "cat.complete_name as category_name",
    ]);
}

export type TicketListRow = Awaited<ReturnType<ReturnType<typeof selectTickets>["executeTakeFirstOrThrow"]>>;

export function findTicketRow(db: Db, id: number) {
  return db.selectFrom("ticket").selectAll().where("id", "=", id).executeTakeFirst();
}
