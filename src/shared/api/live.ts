import { z } from "zod";

/**
 * GET /api/live is a Server-Sent Events stream. Each event names what changed, never what it
 * now holds: the browser refetches through the ordinary, scoped endpoints.
 */
export const LIVE_EVENTS = {
  /** A ticket, its timeline, tasks or anything else of it changed: `{ id }`. */
  ticket: "ticket",
  /** Someone opened or left a ticket: `{ ticketId, present, at }`, who has it open now (staff only hear it). */
  presence: "presence",
  /** The signed-in user's notifications changed (a new one, or read elsewhere): `{}`. */
  notification: "notification",
  /** Events may have been missed (the server's listener reconnected): refetch what is shown. */
  resync: "resync",
} as const;

export type LiveTicketEvent = { id: number };
export type LivePresenceEvent = { ticketId: number; present: PresentUser[]; at: string };

/** The stream's OpenAPI description: the body is text, not JSON. */
export const LiveStreamSchema = z.string().describe(
  "text/event-stream: `event: ticket` {id}, `event: presence` {ticketId, present, at}, `event: notification` {}, `event: resync` {}; a comment every 20 s",
);

export const PresentUserSchema = z.object({ userId: z.number(), name: z.string() });
export type PresentUser = z.infer<typeof PresentUserSchema>;

/**
 * The others who have the ticket open now (the caller is left out), as of `at` on the server:
 * answers and live events may arrive out of order, the latest `at` wins.
 */
export const PresenceListSchema = z.object({ data: z.array(PresentUserSchema), at: z.string() });
export type PresenceList = z.infer<typeof PresenceListSchema>;

/** How often an open ticket page says it is still there; a report older than PRESENCE_STALE_MS is ignored. */
export const PRESENCE_REFRESH_MS = 20_000;
export const PRESENCE_STALE_MS = 60_000;
