import { z } from "zod";
import { QUEUE_COLUMNS } from "../domain/tickets.js";
import { ListTicketsQuerySchema } from "./tickets.js";

/** A user keeps at most this many views: the list is read whole, beside the built-in ones. */
export const SAVED_VIEWS_MAX = 50;

/** The queue parameters a view may keep: every filter and the sort, never a page position. */
export const SAVED_QUERY_KEYS = Object.keys(ListTicketsQuerySchema.shape).filter((key) => key !== "cursor" && key !== "limit");

/**
 * The queue's query string as the web app puts it in the URL (`{ view: "open", priority: "4,5" }`),
 * checked with the queue's own schema, so a saved view always opens.
 */
export const SavedQuerySchema = z.record(z.string(), z.string().max(500)).superRefine((query, ctx) => {
  for (const key of Object.keys(query)) {
    if (!SAVED_QUERY_KEYS.includes(key)) ctx.addIssue({ code: "custom", path: [key], message: "not a queue filter" });
  }
  const parsed = ListTicketsQuerySchema.safeParse(query);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  }
});
export type SavedQuery = z.infer<typeof SavedQuerySchema>;

const ColumnsSchema = z
  .array(z.enum(QUEUE_COLUMNS))
  .min(1)
  .max(QUEUE_COLUMNS.length)
  .refine((columns) => new Set(columns).size === columns.length, { message: "a column appears twice" });

const NameSchema = z.string().trim().min(1).max(80);

export const SavedViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  query: z.record(z.string(), z.string()),
  /** The columns shown, in order; null for the default ones. */
  columns: z.array(z.enum(QUEUE_COLUMNS)).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

export const SavedViewListSchema = z.object({ data: z.array(SavedViewSchema) });
export type SavedViewList = z.infer<typeof SavedViewListSchema>;

export const CreateSavedViewBodySchema = z.object({
  name: NameSchema,
  query: SavedQuerySchema,
  columns: ColumnsSchema.nullable().default(null),
});
export type CreateSavedViewBody = z.input<typeof CreateSavedViewBodySchema>;

export const UpdateSavedViewBodySchema = z.object({
  name: NameSchema.optional(),
  query: SavedQuerySchema.optional(),
  columns: ColumnsSchema.nullable().optional(),
});
export type UpdateSavedViewBody = z.input<typeof UpdateSavedViewBodySchema>;

export const SavedViewParamsSchema = z.object({ viewId: z.coerce.number().int().positive() });
