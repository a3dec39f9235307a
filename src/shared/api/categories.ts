import { z } from "zod";
import { SCALE, TICKET_TYPES } from "../domain/tickets.js";
import { QueryBoolSchema, optionalText } from "./common.js";

const Scale = z.union(SCALE.map((n) => z.literal(n)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, ...z.ZodLiteral<number>[]]);

/** A ticket category: a node of a tree per entity, visible in that entity and its sub-entities. */
export const CategorySchema = z.object({
  id: z.number(),
  entityId: z.number(),
  entityName: z.string(),
  parentId: z.number().nullable(),
  name: z.string(),
  /** "Matériel > Impression": the path from the top, for pickers and lists. */
  completeName: z.string(),
  depth: z.number(),
  /** What a requester reads on the portal ("Je n'arrive plus à imprimer"). */
  portalLabel: z.string().nullable(),
  description: z.string().nullable(),
  /** The defaults a new ticket of this category gets when its author leaves them out. */
  defaultType: z.enum(TICKET_TYPES).nullable(),
  defaultGroupId: z.number().nullable(),
  defaultGroupName: z.string().nullable(),
  /** The default priority, as urgency and impact: the priority follows from the matrix. */
  defaultUrgency: z.number().nullable(),
  defaultImpact: z.number().nullable(),
  inPortal: z.boolean(),
  isActive: z.boolean(),
  /** Some ticket uses it: it cannot be deleted, only deactivated. */
  isUsed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Category = z.infer<typeof CategorySchema>;

export const CategoryListSchema = z.object({ data: z.array(CategorySchema) });
export type CategoryList = z.infer<typeof CategoryListSchema>;

export const ListCategoriesQuerySchema = z.object({
  /** Only the categories usable in this entity: its own and those of its parents. */
  entityId: z.coerce.number().int().positive().optional(),
  includeInactive: QueryBoolSchema.default(false),
});
export type ListCategoriesQuery = z.infer<typeof ListCategoriesQuerySchema>;

/** What a requester picks from: the plain-words label, grouped under the top-level category. */
export const PortalCategorySchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  /** The portal label, or the name when there is none. */
  label: z.string(),
  description: z.string().nullable(),
  /** The top-level category's name ("Impression"), to group the choices. */
  topName: z.string(),
  depth: z.number(),
  /** Pre-fills the urgency the requester may still change. */
  defaultUrgency: z.number().nullable(),
});
export type PortalCategory = z.infer<typeof PortalCategorySchema>;

export const PortalCategoryListSchema = z.object({ data: z.array(PortalCategorySchema) });

export const PortalCategoriesQuerySchema = z.object({
  /** Default: the requester's own entity. */
  entityId: z.coerce.number().int().positive().optional(),
});

/** Trimmed; "" (a cleared form field) means "none". */
function nullableText(max: number) {
  return z.string().trim().max(max).nullable().optional().transform((v) => (v === "" ? null : v));
}

const editableFields = {
  portalLabel: nullableText(200),
  description: nullableText(2000),
  defaultType: z.enum(TICKET_TYPES).nullable().optional(),
  defaultGroupId: z.number().int().positive().nullable().optional(),
  defaultUrgency: Scale.nullable().optional(),
  defaultImpact: Scale.nullable().optional(),
  inPortal: z.boolean().optional(),
  isActive: z.boolean().optional(),
};

const CategoryName = z.string().trim().min(1).max(100);

export const CreateCategoryBodySchema = z.object({
  name: CategoryName,
  /** Default: the parent's entity, else the caller's. */
  entityId: z.number().int().positive().optional(),
  parentId: z.number().int().positive().nullable().optional(),
  ...editableFields,
  portalLabel: optionalText(200),
  description: optionalText(2000),
  inPortal: z.boolean().default(true),
  isActive: z.boolean().default(true),
});
export type CreateCategoryBody = z.input<typeof CreateCategoryBodySchema>;

/** Rename, move (parentId; null for the top level), change defaults, portal text, visibility. */
export const UpdateCategoryBodySchema = z.object({
  name: CategoryName.optional(),
  parentId: z.number().int().positive().nullable().optional(),
  ...editableFields,
});
export type UpdateCategoryBody = z.input<typeof UpdateCategoryBodySchema>;

export const CategoryParamsSchema = z.object({ categoryId: z.coerce.number().int().positive() });
