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
