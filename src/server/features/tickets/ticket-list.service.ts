import type { Page } from "../../../shared/api/common.js";
import type { ListTicketsQuery, Ticket } from "../../../shared/api/tickets.js";
import { OPEN_STATUSES } from "../../../shared/domain/tickets.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { allows, entityScope, inEntity, inScope } from "../identity/access.js";
import { type TicketListRow, selectTickets } from "./ticket.repo.js";
import { toTicket } from "./ticket.service.js";

type Query = ReturnType<typeof selectTickets>;

const SORTS = {
  updated: { column: "t.updated_at", types: ["string", "number"], cursor: (r: TicketListRow) => [r.updated_at, r.id] },
  created: { column: "t.created_at", types: ["string", "number"], cursor: (r: TicketListRow) => [r.created_at, r.id] },
  priority: { column: "t.priority", types: ["number", "number"], cursor: (r: TicketListRow) => [r.priority, r.id] },
} as const;

/** The queue a technician picked: each one a condition that an index of the ticket table serves. */
function applyView(q: Query, ctx: Ctx, view: ListTicketsQuery["view"]): Query {
  const me = ctx.actor.userId;
  const open = q.where("t.status", "in", OPEN_STATUSES as string[]);
  switch (view) {
    case "open": return open;
    case "mine": return open.where("t.assignee_id", "=", me);
    case "my_groups": return open.where("t.group_id", "in", ctx.db.selectFrom("group_member").select("group_id").where("user_id", "=", me));
    case "unassigned": return open.where("t.assignee_id", "is", null);
    case "waiting": return q.where("t.status", "=", "pending");
    case "late": return open.where("t.due_at", "<", now());
    case "all": return q;
  }
}

function applyFilters(q: Query, query: ListTicketsQuery): Query {
  if (query.status?.length) q = q.where("t.status", "in", query.status);
  if (query.type) q = q.where("t.type", "=", query.type);
  if (query.priority?.length) q = q.where("t.priority", "in", query.priority);
  if (query.level) q = q.where("t.level", "=", query.level);
  if (query.groupId) q = q.where("t.group_id", "=", query.groupId);
  if (query.assigneeId) q = q.where("t.assignee_id", "=", query.assigneeId);
  if (query.requesterId) q = q.where("t.requester_id", "=", query.requesterId);
  if (query.entityId) q = q.where(inEntity("t.entity_id", query.entityId, true));
  return q;
}

/**
 * The technician's queues, newest activity first by default. A requester without staff rights
 * gets their own tickets only, whatever the view.
 */
export async function listTickets(ctx: Ctx, query: ListTicketsQuery): Promise<Page<Ticket>> {
  const isStaff = ctx.actor.grants.some((g) => allows(g.role, "ticket.read"));
  let q = selectTickets(ctx.db);
  q = isStaff ? q.where(inScope("t.entity_id", entityScope(ctx.actor, "ticket.read"))) : q.where("t.requester_id", "=", ctx.actor.userId);
  q = applyFilters(applyView(q, ctx, query.view), query);
  const sort = SORTS[query.sort];
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor, [...sort.types]);
    q = q.where((eb) => eb(eb.refTuple(sort.column, "t.id"), "<", eb.tuple(value as never, id as number)));
  }
  const rows = await q.orderBy(sort.column, "desc").orderBy("t.id", "desc").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toTicket, sort.cursor);
}
