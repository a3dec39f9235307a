import { z } from "zod";
import { TICKET_STATUSES } from "../domain/tickets.js";

/**
 * How another ticket relates to this one, read from this ticket's side: it "duplicates" the
 * other, is "duplicated_by" it, is a "child_of" it (the other is the parent), is "parent_of" it,
 * or is simply "related".
 */
export const LINK_KINDS = ["related", "duplicates", "duplicated_by", "child_of", "parent_of"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const TicketLinkSchema = z.object({
  id: z.number(),
  kind: z.enum(LINK_KINDS),
  ticketId: z.number(),
  title: z.string(),
  status: z.enum(TICKET_STATUSES),
  priority: z.number(),
  createdAt: z.string(),
});
export type TicketLink = z.infer<typeof TicketLinkSchema>;
export const TicketLinkListSchema = z.object({ data: z.array(TicketLinkSchema) });

export const CreateLinkBodySchema = z.object({
  kind: z.enum(LINK_KINDS),
  otherId: z.number().int().positive(),
});
export type CreateLinkBody = z.infer<typeof CreateLinkBodySchema>;

export const LinkParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  linkId: z.coerce.number().int().positive(),
});

/** The sources are closed into the target: their followups and tasks are copied there. */
export const MergeBodySchema = z.object({
  sourceIds: z.array(z.number().int().positive()).min(1).max(50),
});
export type MergeBody = z.infer<typeof MergeBodySchema>;

export const ObserverSchema = z.object({ userId: z.number(), name: z.string(), email: z.string().nullable() });
export type Observer = z.infer<typeof ObserverSchema>;
export const ObserverListSchema = z.object({ data: z.array(ObserverSchema) });
export const AddObserverBodySchema = z.object({ userId: z.number().int().positive() });
export const ObserverParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  userId: z.coerce.number().int().positive(),
});
