import { z } from "zod";
import { PageQuerySchema, pageOf } from "./common.js";

export const NOTIFICATION_KINDS = ["assigned_to_me", "assigned_to_group", "followup", "solution_refused", "due_soon",
  "warranty_ending", "contract_ending", "contract_notice", "sla_warning"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NotificationSchema = z.object({
  id: z.number(),
  kind: z.enum(NOTIFICATION_KINDS),
  ticketId: z.number().nullable(),
  /** The ticket's title when it happened. */
  title: z.string(),
  /** Who did it; null for the system (a due date coming). */
  actorName: z.string().nullable(),
  /** For due_soon: the due date it is about; for the fleet's alerts, the day (warranty end, contract end, notice date). */
  dueAt: z.string().nullable(),
  /** For the fleet's alerts: the asset or the contract to open. */
  assetId: z.number().nullable(),
  contractId: z.number().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationPageSchema = pageOf(NotificationSchema);
export const NotificationQuerySchema = PageQuerySchema;

/** UNREAD_COUNT_CAP means "that many or more": the bell shows 99+. */
export const UNREAD_COUNT_CAP = 100;
export const UnreadCountSchema = z.object({ count: z.number() });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

export const MarkReadBodySchema = z.union([
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadBody = z.infer<typeof MarkReadBodySchema>;
