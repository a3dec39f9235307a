/**
 * What each kind of result the caller may see, as SQL conditions on the search queries'
 * aliases; null when they may see none of that kind (the group is then empty, not refused).
 */
import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Permission } from "../../../shared/domain/roles.js";
import { type Actor, allows, entityScope, inScope } from "../identity/access.js";
import { readableArticles } from "../kb/article-access.js";
import { ticketsInReach } from "../tickets/ticket-list.service.js";

function holds(actor: Actor, permission: Permission): boolean {
  return actor.grants.some((g) => allows(g.role, permission));
}

/** Tickets (`t`), by the tickets module's own rule for lists. */
export const readableTickets = ticketsInReach;

/** Users (`u`) of the entities where the caller holds user.read. */
export function readableUsers(actor: Actor): RawBuilder<SqlBool> | null {
  return holds(actor, "user.read") ? inScope("u.entity_id", entityScope(actor, "user.read")) : null;
}

/** Assets (`a`) of the entities where the caller holds asset.read. */
export function readableAssets(actor: Actor): RawBuilder<SqlBool> | null {
  return holds(actor, "asset.read") ? inScope("a.entity_id", entityScope(actor, "asset.read")) : null;
}

/**
 * Articles (`a`), by the knowledge base's own rule (article-access.ts); `portal` keeps to the
 * published portal articles even for staff (the portal's suggestions and FAQ search).
 */
export function readableArticlesFor(actor: Actor, audience?: "portal"): RawBuilder<SqlBool> {
  const base = readableArticles(actor);
  if (audience !== "portal") return base;
  return sql<SqlBool>`(${base} and a.status = 'published' and a.audience = 'portal')`;
}

/** Whether the caller is staff for tickets anywhere (technician or above), or a requester only. */
export function isTicketStaff(actor: Actor): boolean {
  return holds(actor, "ticket.read");
}
