import type { ErrorCode, ValidationIssue } from "../../../../shared/api/errors.js";
import { AppError } from "../../../http/errors.js";

/**
 * Why an agent's message was refused. The endpoint answers the agent with it (agents log the
 * reply) and keeps it in the refused-imports log, so each reason says what to fix.
 */
export const PROTOCOL_REFUSALS = {
  BODY_EMPTY: "BAD_REQUEST",
  BODY_CORRUPT: "BAD_REQUEST",
  BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  BODY_ENCODING_UNKNOWN: "UNSUPPORTED_MEDIA_TYPE",
  XML_MALFORMED: "BAD_REQUEST",
  XML_DOCTYPE_REFUSED: "BAD_REQUEST",
  XML_NOT_A_REQUEST: "BAD_REQUEST",
  JSON_MALFORMED: "BAD_REQUEST",
  JSON_SCHEMA_INVALID: "VALIDATION_FAILED",
  AGENT_AUTH_REQUIRED: "UNAUTHENTICATED",
  AGENT_AUTH_INVALID: "INVALID_CREDENTIALS",
  TAG_NOT_ALLOWED: "FORBIDDEN",
} as const satisfies Record<string, ErrorCode>;

export type ProtocolRefusal = keyof typeof PROTOCOL_REFUSALS;

/** An AppError (so the error handler maps it to a status) that also names the precise refusal. */
export class InventoryProtocolError extends AppError {
  constructor(
    readonly reason: ProtocolRefusal,
    message: string,
    issues?: ValidationIssue[],
  ) {
    super(PROTOCOL_REFUSALS[reason], message, issues);
    this.name = "InventoryProtocolError";
  }
}
