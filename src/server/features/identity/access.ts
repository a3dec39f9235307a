/**
 * The one place where rights are decided. Routes never check roles themselves: services
 * call assertCan() for a record and entityScope() for a list, both driven by PERMISSIONS.
 */
import { type RawBuilder, type SqlBool, sql } from "kysely";
import { PERMISSIONS, type Permission, type Role, higherRole, roleRank } from "../../../shared/domain/roles.js";
import type { Db } from "../../db/database.js";
import { forbidden } from "../../http/errors.js";

export type ActorGrant = {
  entityId: number;
  role: Role;
  recursive: boolean;
  /** Granted on the root entity: recursive, it covers every entity there is. */
  onRoot?: boolean;
};

export type Actor = {
  kind: "session" | "token";
  userId: number;
  /** Shown in history: the user's name, or the token's name. */
  name: string;
  grants: ActorGrant[];
  sessionId?: string;
  tokenId?: number;
};

/**
 * The actor's role on one entity: direct grants there, and recursive grants on its ancestors.
 * Remembered per actor, i.e. per request: a service asks for the same entity several times.
 */
export async function roleOn(db: Db, actor: Actor, entityId: number): Promise<Role | undefined> {
  const known = rolesSeen.get(actor)?.get(entityId);
  if (known) return known.role;
  const role = await computeRoleOn(db, actor, entityId);
  let seen = rolesSeen.get(actor);
  if (!seen) rolesSeen.set(actor, (seen = new Map()));
  seen.set(entityId, { role });
  return role;
}

const rolesSeen = new WeakMap<Actor, Map<number, { role: Role | undefined }>>();

async function computeRoleOn(db: Db, actor: Actor, entityId: number): Promise<Role | undefined> {
  // A recursive grant on the root covers every entity: no need to read the tree when it is the highest grant.
  const top = actor.grants.reduce<Role | undefined>((r, g) => higherRole(r, g.role), undefined);
  if (actor.grants.some((g) => g.onRoot && g.recursive && g.role === top)) return top;
  const ancestors = await db
    .selectFrom("entity_closure")
    .select(["ancestor_id", "depth"])
    .where("descendant_id", "=", entityId)
    .execute();
  let role: Role | undefined;
  for (const g of actor.grants) {
    const link = ancestors.find((a) => a.ancestor_id === g.entityId);
    if (link && (link.depth === 0 || g.recursive)) role = higherRole(role, g.role);
  }
  return role;
}

export function allows(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && roleRank(role) >= roleRank(PERMISSIONS[permission]);
}

/** Throws FORBIDDEN unless the actor may do `permission` on a record of `entityId`. */
export async function assertCan(db: Db, actor: Actor, permission: Permission, entityId: number): Promise<void> {
  if (!allows(await roleOn(db, actor, entityId), permission)) throw forbidden();
}

export type EntityScope = { recursive: number[]; direct: number[]; everything?: boolean };

/** The entities where the actor holds `permission`; FORBIDDEN when there are none at all. */
export function entityScope(actor: Actor, permission: Permission): EntityScope {
  const granted = actor.grants.filter((g) => allows(g.role, permission));
  if (granted.length === 0) throw forbidden();
  return {
    everything: granted.some((g) => g.recursive && g.onRoot),
    recursive: granted.filter((g) => g.recursive).map((g) => g.entityId),
    direct: granted.filter((g) => !g.recursive).map((g) => g.entityId),
  };
}

/** `column IN <the scope>`, as an index-friendly subquery on the closure table. */
export function inScope(column: string, scope: EntityScope): RawBuilder<SqlBool> {
  // No filter at all for the whole tree: `id in (every entity)` makes the planner fetch every
  // row in scope and sort them, where no filter lets it walk the sort index and stop at the page.
  if (scope.everything) return sql<SqlBool>`1 = 1`;
  const ref = sql.ref(column);
  const parts: RawBuilder<SqlBool>[] = [];
  if (scope.recursive.length > 0) {
    parts.push(sql<SqlBool>`${ref} in (select descendant_id from entity_closure where ancestor_id in (${sql.join(scope.recursive)}))`);
  }
  if (scope.direct.length > 0) parts.push(sql<SqlBool>`${ref} in (${sql.join(scope.direct)})`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** `column` is the entity itself or, when recursive, one of its sub-entities. */
export function inEntity(column: string, entityId: number, recursive: boolean): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  if (!recursive) return sql<SqlBool>`${ref} = ${entityId}`;
  return sql<SqlBool>`${ref} in (select descendant_id from entity_closure where ancestor_id = ${entityId})`;
}

export function highestRole(actor: Actor): Role | null {
  let role: Role | undefined;
  for (const g of actor.grants) role = higherRole(role, g.role);
  return role ?? null;
}
