import { z } from "zod";
import { ASSET_COLUMNS } from "../domain/asset-columns.js";
import { QUEUE_COLUMNS } from "../domain/tickets.js";
import { ListAssetsQuerySchema } from "./assets.js";
import { ListTicketsQuerySchema } from "./tickets.js";

/** A user keeps at most this many views per list: the list is read whole, beside the built-in ones. */
export const SAVED_VIEWS_MAX = 50;

/** The lists a view can be of: the ticket queue (the default, as before assets had views) and the asset list. */
export const SAVED_VIEW_SCOPES = ["tickets", "assets"] as const;
export type SavedViewScope = (typeof SAVED_VIEW_SCOPES)[number];

type ListQuerySchema = typeof ListTicketsQuerySchema | typeof ListAssetsQuerySchema;

/** The parameters a view may keep: every filter and the sort, never a page position. */
function savedKeysOf(schema: ListQuerySchema): string[] {
  return Object.keys(schema.shape).filter((key) => key !== "cursor" && key !== "limit");
}

/** The queue's keys (kept under this name: the queue's URL handling reads it). */
export const SAVED_QUERY_KEYS = savedKeysOf(ListTicketsQuerySchema);
export const SAVED_ASSET_QUERY_KEYS = savedKeysOf(ListAssetsQuerySchema);

/**
 * A list's query string as the web app puts it in the URL (`{ view: "open", priority: "4,5" }`),
 * checked with that list's own schema, so a saved view always opens.
 */
function savedQuerySchema(schema: ListQuerySchema, keys: string[]) {
  return z.record(z.string(), z.string().max(500)).superRefine((query, ctx) => {
    for (const key of Object.keys(query)) {
      if (!keys.includes(key)) ctx.addIssue({ code: "custom", path: [key], message: "not a filter of this list" });
    }
    const parsed = schema.safeParse(query);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  });
}

export const SavedQuerySchema = savedQuerySchema(ListTicketsQuerySchema, SAVED_QUERY_KEYS);
export const SavedAssetQuerySchema = savedQuerySchema(ListAssetsQuerySchema, SAVED_ASSET_QUERY_KEYS);
export type SavedQuery = z.infer<typeof SavedQuerySchema>;

function columnsSchema(columns: readonly [string, ...string[]]) {
  return z.array(z.enum(columns)).min(1).max(columns.length)
    .refine((chosen) => new Set(chosen).size === chosen.length, { message: "a column appears twice" });
}

/** What each list's views are checked against: its filters, its sort, its columns. */
export const SAVED_VIEW_RULES = {
  tickets: { keys: SAVED_QUERY_KEYS, query: SavedQuerySchema, columns: columnsSchema(QUEUE_COLUMNS) },
  assets: { keys: SAVED_ASSET_QUERY_KEYS, query: SavedAssetQuerySchema, columns: columnsSchema(ASSET_COLUMNS) },
} as const satisfies Record<SavedViewScope, unknown>;

/** A column of either list; which ones a view may have depends on its scope. */
const AnyColumnSchema = z.union([z.enum(QUEUE_COLUMNS), z.enum(ASSET_COLUMNS)]);

const NameSchema = z.string().trim().min(1).max(80);

export const SavedViewSchema = z.object({
  id: z.number(),
  scope: z.enum(SAVED_VIEW_SCOPES),
  name: z.string(),
  query: z.record(z.string(), z.string()),
  /** The columns shown, in order; null for the default ones. */
  columns: z.array(AnyColumnSchema).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

export const SavedViewListSchema = z.object({ data: z.array(SavedViewSchema) });
export type SavedViewList = z.infer<typeof SavedViewListSchema>;

export const ListSavedViewsQuerySchema = z.object({ scope: z.enum(SAVED_VIEW_SCOPES).default("tickets") });

type Issue = { path: PropertyKey[]; message: string };

/** The scope's own rules applied to a query and columns (either may be absent), as issues under their field. */
export function savedViewIssues(scope: SavedViewScope, query: unknown, columns: unknown): Issue[] {
  const rules = SAVED_VIEW_RULES[scope];
  const issues: Issue[] = [];
  const check = (field: string, schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) issues.push(...parsed.error.issues.map((i) => ({ path: [field, ...i.path], message: i.message })));
  };
  if (query !== undefined) check("query", rules.query, query);
  if (columns !== undefined && columns !== null) check("columns", rules.columns, columns);
  return issues;
}

const LooseQuerySchema = z.record(z.string(), z.string().max(500))
  .meta({ description: "The list's filters and sort, as its URL has them; checked with that list's own query schema" });
const LooseColumnsSchema = z.array(z.string()).meta({ description: "Columns of the view's list (QUEUE_COLUMNS or ASSET_COLUMNS), each once" });

export const CreateSavedViewBodySchema = z.object({
  /** Which list the view is of; the queue when left out. */
  scope: z.enum(SAVED_VIEW_SCOPES).default("tickets"),
  name: NameSchema,
  query: LooseQuerySchema,
  columns: LooseColumnsSchema.nullable().default(null),
}).superRefine((body, ctx) => {
  for (const issue of savedViewIssues(body.scope, body.query, body.columns)) ctx.addIssue({ code: "custom", ...issue });
});
export type CreateSavedViewBody = z.input<typeof CreateSavedViewBodySchema>;

/**
 * A change to a view of either list. The view's own list decides what its query and columns may
 * hold (checked once the view is found); one that fits no list at all is refused here already,
 * with the queue's reasons.
 */
export const UpdateSavedViewBodySchema = z.object({
  name: NameSchema.optional(),
  query: LooseQuerySchema.optional(),
  columns: LooseColumnsSchema.nullable().optional(),
}).superRefine((body, ctx) => {
  const fits = SAVED_VIEW_SCOPES.some((scope) => savedViewIssues(scope, body.query, body.columns).length === 0);
  if (fits) return;
  for (const issue of savedViewIssues("tickets", body.query, body.columns)) ctx.addIssue({ code: "custom", ...issue });
});
export type UpdateSavedViewBody = z.input<typeof UpdateSavedViewBodySchema>;

export const SavedViewParamsSchema = z.object({ viewId: z.coerce.number().int().positive() });
