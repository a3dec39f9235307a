/**
 * The one registry of error codes. The code is the contract between server and
 * web app; the message is for logs and developers. The web app translates codes.
 */
export const ERRORS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  GROUP_NOT_FOUND: 404,
  ENTITY_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  TICKET_NOT_FOUND: 404,
  CATEGORY_NOT_FOUND: 404,
  ATTACHMENT_NOT_FOUND: 404,
  SAVED_VIEW_NOT_FOUND: 404,
  LOGIN_TAKEN: 409,
  ENTITY_NOT_EMPTY: 409,
  ENTITY_CYCLE: 409,
  ROOT_ENTITY_LOCKED: 409,
  SETUP_ALREADY_DONE: 409,
  LAST_ADMIN: 409,
  CONFLICT: 409,
  TICKET_VERSION_CONFLICT: 409,
  TICKET_TRANSITION_INVALID: 409,
  CATEGORY_CYCLE: 409,
  CATEGORY_NOT_EMPTY: 409,
  TICKET_LINK_INVALID: 409,
  TICKET_MERGED: 409,
  VIEW_NAME_TAKEN: 409,
  // The fleet's reference lists: a reference given in a body (400), one in the path (404), one still in use (409).
  LOCATION_NOT_USABLE: 400,
  MODEL_NOT_USABLE: 400,
  MANUFACTURER_NOT_FOUND: 400,
  SUPPLIER_NOT_USABLE: 400,
  KIND_NOT_FOUND: 404,
  FIELD_NOT_FOUND: 404,
  LOCATION_NOT_FOUND: 404,
  MODEL_NOT_FOUND: 404,
  SUPPLIER_NOT_FOUND: 404,
  CONTACT_NOT_FOUND: 404,
  LOCATION_CYCLE: 409,
  REFERENCE_IN_USE: 409,
  BUILTIN_LOCKED: 409,
  // Assets: a missing asset (404), a taken tag or serial, a stale version, a refused life-cycle step (409).
  ASSET_NOT_FOUND: 404,
  ASSET_TAG_TAKEN: 409,
  SERIAL_TAKEN: 409,
  ASSET_VERSION_CONFLICT: 409,
  ASSET_TRANSITION_REFUSED: 409,
  ASSET_DISPOSED: 409,
  // The physical inventory.
  CAMPAIGN_NOT_FOUND: 404,
  CAMPAIGN_CLOSED: 409,
  // Contracts.
  CONTRACT_NOT_FOUND: 404,
  // Inventory agents: an agent tag another entity already has.
  INVENTORY_TAG_TAKEN: 409,
  // The software catalogue: a software none of the caller's machines has.
  SOFTWARE_NOT_FOUND: 404,
  // An asset's inventory: a field that is not locked against inventories.
  INVENTORY_LOCK_NOT_FOUND: 404,
  // SNMP discovery: a credential, range or scan the caller cannot see; a range too large to scan.
  SNMP_CREDENTIAL_NOT_FOUND: 404,
  SNMP_RANGE_NOT_FOUND: 404,
  SNMP_SCAN_NOT_FOUND: 404,
  SNMP_RANGE_TOO_LARGE: 400,
  ASSET_CONNECTION_NOT_FOUND: 404,
  ASSET_CONNECTION_REFUSED: 409,
  ASSET_ALREADY_CONNECTED: 409,
  // The knowledge base: an article, a revision or a KB category out of reach (404); a stale save, a non-empty category, an unsolved ticket (409).
  KB_ARTICLE_NOT_FOUND: 404,
  KB_REVISION_NOT_FOUND: 404,
  KB_CATEGORY_NOT_FOUND: 404,
  KB_ARTICLE_VERSION_CONFLICT: 409,
  KB_CATEGORY_NOT_EMPTY: 409,
  KB_TICKET_NOT_SOLVED: 409,
  // An article's file out of reach (404, also when the article is not for the caller); an article already holding KB_FILES_MAX files (409).
  KB_FILE_NOT_FOUND: 404,
  KB_FILES_LIMIT: 409,
  // Guided diagnostic scripts: a graph refused at save names its nodes in the issues (422); a run already ended (409).
  SCRIPT_NOT_FOUND: 404,
  SCRIPT_RUN_NOT_FOUND: 404,
  SCRIPT_GRAPH_INVALID: 422,
  SCRIPT_RUN_ENDED: 409,
  // A refused inventory that can no longer be attached: already attached, expired, or not an inventory.
  IMPORT_NOT_ATTACHABLE: 404,
  // The asset chosen for a refused inventory is outside the entities its agent files into.
  IMPORT_ASSET_OUTSIDE: 422,
  // --- sla: this part's codes go between these two lines ---
  // Business calendars and SLA policies; an entity has one calendar at most (409); a stale version (409).
  SLA_CALENDAR_NOT_FOUND: 404,
  SLA_CALENDAR_EXISTS: 409,
  SLA_POLICY_NOT_FOUND: 404,
  SLA_VERSION_CONFLICT: 409,
  // An escalation level or target that cannot apply (a group outside the entity, no target for its deadline): 422 with issues.
  SLA_POLICY_INVALID: 422,
  // SLA per contract: a contract not of the entity (calendar, SLA) or not in force for the ticket's entity (400); a contract
  // still carrying support hours or SLAs, or named by tickets, cannot be deleted (409).
  CONTRACT_NOT_USABLE: 400,
  CONTRACT_IN_USE: 409,
  // --- end sla ---
  // --- automation: this part's codes go between these two lines ---
  // Automation: a rule, template, canned response or recurring ticket out of reach (404); a rule action that cannot apply in the rule's entity (422); a stale save, a template still used (409).
  AUTOMATION_RULE_NOT_FOUND: 404,
  TICKET_TEMPLATE_NOT_FOUND: 404,
  CANNED_RESPONSE_NOT_FOUND: 404,
  RECURRING_TICKET_NOT_FOUND: 404,
  RULE_ACTION_INVALID: 422,
  RULE_VERSION_CONFLICT: 409,
  TEMPLATE_IN_USE: 409,
  // --- end automation ---
  // --- mail-out: this part's codes go between these two lines ---
  OUTGOING_MAIL_NOT_FOUND: 404,
  // A test mail or a resend needs the SMTP settings saved first.
  SMTP_NOT_CONFIGURED: 409,
  // --- end mail-out ---
  // --- mail-in: this part's codes go between these two lines ---
  MAILBOX_NOT_FOUND: 404,
  // Another mailbox already has this address (the receiver maps each address to one mailbox).
  MAILBOX_ADDRESS_TAKEN: 409,
  RECEIVED_MAIL_NOT_FOUND: 404,
  // --- end mail-in ---
  PAYLOAD_TOO_LARGE: 413,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  FILE_TYPE_REFUSED: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERRORS;

/**
 * One problem with one field. `code` is zod's issue code ("too_small", "invalid_format"…)
 * and minimum / maximum / format / origin its details, so the web app can say it in the user's language.
 */
export type ValidationIssue = {
  path: string;
  message: string;
  code?: string;
  minimum?: number;
  maximum?: number;
  format?: string;
  /** For too_small / too_big: "string", "number", "array"… */
  origin?: string;
};

export type ApiError = {
  error: { code: ErrorCode; message: string; issues?: ValidationIssue[] };
};
