import type { Me } from "../../shared/api/auth.js";
import { PERMISSIONS, type Permission, type Role, roleRank } from "../../shared/domain/roles.js";

/**
 * Decides what the UI shows, from the highest role the user holds anywhere.
 * The server enforces the real, per-entity rule; this only hides what would be refused.
 */
export function hasRole(me: Me, role: Role): boolean {
  return me.highestRole !== null && roleRank(me.highestRole) >= roleRank(role);
}

export function can(me: Me, permission: Permission): boolean {
  return hasRole(me, PERMISSIONS[permission]);
}

/** A requester (or someone without any role) only gets the self-service portal. */
export function isPortalOnly(me: Me): boolean {
  return !hasRole(me, "technician");
}

/** An administrator of the root entity: the organisation-wide settings (outgoing mail…) are theirs alone. */
export function isRootAdmin(me: Me): boolean {
  return me.grants.some((g) => g.onRoot && roleRank(g.role) >= roleRank("admin"));
}
