/**
 * Roles are granted per entity, optionally recursive to its sub-entities.
 * Each role includes the rights of the roles before it.
 */
export const ROLES = ["requester", "technician", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function higherRole(a: Role | undefined, b: Role): Role {
  return a === undefined || roleRank(b) > roleRank(a) ? b : a;
}

/**
 * What each action needs, as the lowest role that may do it in the record's entity.
 * The server checks these in one place (access.ts); the web app reads them to
 * decide which navigation to show, never to enforce.
 */
export const PERMISSIONS = {
  "user.read": "technician",
  "user.write": "admin",
  "group.read": "technician",
  "group.write": "supervisor",
  "entity.read": "technician",
  "entity.write": "admin",
  "grant.write": "admin",
  "token.manage": "admin",
  "history.read": "technician",
  "portal.use": "requester",
  /** Open a ticket for oneself; a requester reads and follows up their own tickets only. */
  "ticket.create": "requester",
  "ticket.read": "technician",
  "ticket.write": "technician",
  /** Create, move, change and delete ticket categories; reading them needs ticket.read (portal.use for the portal list). */
  "category.write": "supervisor",
  /** The fleet: read it, and create, change, assign, move and lend assets. */
  "asset.read": "technician",
  "asset.write": "technician",
  /** The fleet's reference lists (kinds and their fields, locations, manufacturers, models, suppliers), contracts and disposal. */
  "asset.manage": "supervisor",
  /** The knowledge base for technicians: read every article of their entities, write and revise articles, run diagnostic scripts. Requesters read the portal FAQ through portal.use. */
  "kb.read": "technician",
  "kb.write": "technician",
  /** Review and publish articles, manage the KB categories, and build the guided diagnostic scripts. */
  "kb.manage": "supervisor",
  /** Business calendars, SLA targets and escalation levels. */
  "sla.manage": "supervisor",
  /** Automation rules, ticket templates, canned responses and recurring tickets. */
  "automation.manage": "supervisor",
  /** Outgoing mail (SMTP settings, notification templates) and the collected mailboxes. */
  "mail.manage": "admin",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;
