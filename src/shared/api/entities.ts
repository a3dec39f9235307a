import { z } from "zod";
import { PageQuerySchema, optionalText, pageOf } from "./common.js";

export const EntitySchema = z.object({
  id: z.number(),
  name: z.string(),
  /** "Groupe Durand > Lyon > Atelier": the path from the root, for pickers. */
  completeName: z.string(),
  parentId: z.number().nullable(),
  depth: z.number(),
  comment: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  country: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** Every member of the entity follows its tickets from the portal (private notes excepted). */
  sharesTickets: z.boolean(),
  /** "LYON-SIEGE": the TAG its inventory agents send, which places their machines here. */
  inventoryTag: z.string().nullable(),
  childCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Entity = z.infer<typeof EntitySchema>;

const entityFields = {
  comment: optionalText(2000),
  address: optionalText(300),
  postcode: optionalText(20),
  town: optionalText(100),
  country: optionalText(100),
  phone: optionalText(40),
  email: z.email().max(200).optional(),
  sharesTickets: z.boolean().optional(),
};

export const CreateEntityBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  parentId: z.number().int().positive(),
  ...entityFields,
});
export type CreateEntityBody = z.input<typeof CreateEntityBodySchema>;

/** What agents accept in their TAG option and send back unchanged: letters, digits, - _ . (or nothing, to remove it). */
export const INVENTORY_TAG_PATTERN = /^[A-Za-z0-9._-]*$/;
export const INVENTORY_TAG_MAX = 100;

/** An agent tag, trimmed; null or "" removes it. */
export const InventoryTagSchema = z.string().trim().max(INVENTORY_TAG_MAX).regex(INVENTORY_TAG_PATTERN).nullable();

export const UpdateEntityBodySchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  parentId: z.number().int().positive().optional(),
  comment: z.string().trim().max(2000).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  postcode: z.string().trim().max(20).nullable().optional(),
  town: z.string().trim().max(100).nullable().optional(),
  country: z.string().trim().max(100).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  sharesTickets: z.boolean().optional(),
  inventoryTag: InventoryTagSchema.optional(),
});
export type UpdateEntityBody = z.infer<typeof UpdateEntityBodySchema>;

export const ListEntitiesQuerySchema = PageQuerySchema.extend({
  q: optionalText(100),
  /** Only the direct children of this entity. */
  parentId: z.coerce.number().int().positive().optional(),
});
export type ListEntitiesQuery = z.infer<typeof ListEntitiesQuerySchema>;

export const EntityPageSchema = pageOf(EntitySchema);
