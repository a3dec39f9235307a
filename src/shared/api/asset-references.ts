import { z } from "zod";
import { ASSET_FAMILIES, FIELD_TYPES, LOCATION_TYPES } from "../domain/assets.js";
import { QueryBoolSchema } from "./common.js";

/** The reference lists are bounded rather than paged: a fleet has a few hundred of each at most. */
export const REFERENCE_LIST_MAX = 2000;

/** Trimmed; "" (a cleared form field) means "none". */
function nullableText(max: number) {
  return z.string().trim().max(max).nullable().optional().transform((v) => (v === "" ? null : v));
}

const Name = z.string().trim().min(1).max(100);
const Id = z.number().int().positive();
const QueryId = z.coerce.number().int().positive();
const SearchText = z.string().trim().max(100).optional();

// ── Tag patterns ──────────────────────────────────────────────────────────────────────────────

/** The tokens a tag pattern may hold besides literal text; one {###…} counter (1 to 10 #) is required. */
const PATTERN_TOKEN = /\{(YYYY|YY|MM|#{1,10})\}/g;

/** Why a tag pattern is refused, or null when it is valid ("PC-{YYYY}-{#####}"). */
export function tagPatternProblem(pattern: string): string | null {
  const counters = [...pattern.matchAll(PATTERN_TOKEN)].filter((m) => m[1]?.startsWith("#")).length;
  const rest = pattern.replace(PATTERN_TOKEN, "");
  if (/[{}]/.test(rest)) return "unknown token: use {YYYY}, {YY}, {MM} or {#…} (1 to 10 #)";
  if (counters !== 1) return "exactly one counter {#…} is needed";
  if (!/^[\p{L}\p{N} ._/-]*$/u.test(rest)) return "only letters, digits, spaces and - _ . / around the tokens";
  return null;
}

const TagPattern = z.string().trim().min(1).max(60).superRefine((value, ctx) => {
  const problem = tagPatternProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

// ── Kinds and fields ──────────────────────────────────────────────────────────────────────────

export const AssetFieldSchema = z.object({
  id: z.number(),
  kindId: z.number(),
  /** The key in an asset's fields: stable when the label is renamed. */
  key: z.string(),
  label: z.string(),
  fieldType: z.enum(FIELD_TYPES),
  choices: z.array(z.string()).nullable(),
  isRequired: z.boolean(),
  position: z.number(),
  /** Came with the kind: it can be relabelled, never deleted. */
  isBuiltin: z.boolean(),
});
export type AssetField = z.infer<typeof AssetFieldSchema>;

export const AssetKindSchema = z.object({
  id: z.number(),
  /** Set for the built-in kinds ("laptop"): the web app translates their name by it. */
  code: z.string().nullable(),
  family: z.enum(ASSET_FAMILIES),
  name: z.string(),
  tagPattern: z.string().nullable(),
  isActive: z.boolean(),
  isBuiltin: z.boolean(),
  /** Some asset is of this kind: it cannot be deleted, only deactivated. */
  isUsed: z.boolean(),
  fields: z.array(AssetFieldSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AssetKind = z.infer<typeof AssetKindSchema>;
export const AssetKindListSchema = z.object({
  data: z.array(AssetKindSchema),
  /** Whether the caller may change the global catalogue (kinds, manufacturers, models): asset.manage at the root. */
  canManage: z.boolean(),
});
export type AssetKindList = z.infer<typeof AssetKindListSchema>;

export const ListKindsQuerySchema = z.object({ includeInactive: QueryBoolSchema.default(false) });

export const CreateKindBodySchema = z.object({
  name: Name,
  family: z.enum(ASSET_FAMILIES),
  tagPattern: TagPattern.nullable().optional(),
  isActive: z.boolean().default(true),
});
export type CreateKindBody = z.input<typeof CreateKindBodySchema>;

export const UpdateKindBodySchema = z.object({
  name: Name.optional(),
  family: z.enum(ASSET_FAMILIES).optional(),
  tagPattern: TagPattern.nullable().optional(),
  isActive: z.boolean().optional(),
});
export type UpdateKindBody = z.input<typeof UpdateKindBodySchema>;

const Choices = z.array(z.string().trim().min(1).max(100)).max(100)
  .refine((list) => new Set(list).size === list.length, "each option once");

export const CreateFieldBodySchema = z.object({
  /** Default: made from the label ("Numéro de badge" → numero_de_badge). */
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, "lower case letters, digits and _").optional(),
  label: Name,
  fieldType: z.enum(FIELD_TYPES),
  choices: Choices.nullable().optional(),
  isRequired: z.boolean().default(false),
}).superRefine((body, ctx) => {
  if (body.fieldType === "choice" && (!body.choices || body.choices.length === 0)) {
    ctx.addIssue({ code: "custom", path: ["choices"], message: "a choice needs its options" });
  }
});
export type CreateFieldBody = z.input<typeof CreateFieldBodySchema>;

export const UpdateFieldBodySchema = z.object({
  label: Name.optional(),
  choices: Choices.nullable().optional(),
  isRequired: z.boolean().optional(),
});
export type UpdateFieldBody = z.input<typeof UpdateFieldBodySchema>;

/** Every field of the kind, in the new order. */
export const ReorderFieldsBodySchema = z.object({ fieldIds: z.array(Id).min(1).max(200) });
export type ReorderFieldsBody = z.input<typeof ReorderFieldsBodySchema>;

export const KindParamsSchema = z.object({ kindId: QueryId });
export const FieldParamsSchema = z.object({ kindId: QueryId, fieldId: QueryId });

// ── Locations ─────────────────────────────────────────────────────────────────────────────────

export const LocationSchema = z.object({
  id: z.number(),
  entityId: z.number(),
  entityName: z.string(),
  parentId: z.number().nullable(),
  name: z.string(),
  /** "Lyon > Bâtiment A > 2e étage > Salle 204": the path from the top. */
  completeName: z.string(),
  depth: z.number(),
  locationType: z.enum(LOCATION_TYPES),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  isActive: z.boolean(),
  /** Some asset stands there: it cannot be deleted, only deactivated. */
  isUsed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Location = z.infer<typeof LocationSchema>;
export const LocationListSchema = z.object({ data: z.array(LocationSchema) });
export type LocationList = z.infer<typeof LocationListSchema>;

export const ListLocationsQuerySchema = z.object({
  /** Only the locations usable in this entity: its own and those of its parents. */
  entityId: QueryId.optional(),
  q: SearchText,
  includeInactive: QueryBoolSchema.default(false),
});
export type ListLocationsQuery = z.infer<typeof ListLocationsQuerySchema>;

const addressFields = {
  address: nullableText(300),
  postcode: nullableText(20),
  city: nullableText(100),
  country: nullableText(100),
};

export const CreateLocationBodySchema = z.object({
  name: Name,
  /** Default: the parent's entity, else the caller's. */
  entityId: Id.optional(),
  parentId: Id.nullable().optional(),
  locationType: z.enum(LOCATION_TYPES).default("other"),
  ...addressFields,
  isActive: z.boolean().default(true),
});
export type CreateLocationBody = z.input<typeof CreateLocationBodySchema>;

export const UpdateLocationBodySchema = z.object({
  name: Name.optional(),
  parentId: Id.nullable().optional(),
  locationType: z.enum(LOCATION_TYPES).optional(),
  ...addressFields,
  isActive: z.boolean().optional(),
});
export type UpdateLocationBody = z.input<typeof UpdateLocationBodySchema>;

export const LocationParamsSchema = z.object({ locationId: QueryId });

// ── Manufacturers and models ──────────────────────────────────────────────────────────────────

export const ManufacturerSchema = z.object({ id: z.number(), name: z.string(), isUsed: z.boolean(), createdAt: z.string() });
export type Manufacturer = z.infer<typeof ManufacturerSchema>;
export const ManufacturerListSchema = z.object({ data: z.array(ManufacturerSchema) });
export const ListManufacturersQuerySchema = z.object({ q: SearchText });
export const ManufacturerBodySchema = z.object({ name: Name });
export type ManufacturerBody = z.input<typeof ManufacturerBodySchema>;
export const ManufacturerParamsSchema = z.object({ manufacturerId: QueryId });

export const AssetModelSchema = z.object({
  id: z.number(),
  kindId: z.number(),
  kindCode: z.string().nullable(),
  kindName: z.string(),
  manufacturerId: z.number().nullable(),
  manufacturerName: z.string().nullable(),
  name: z.string(),
  partNumber: z.string().nullable(),
  isUsed: z.boolean(),
  createdAt: z.string(),
});
export type AssetModel = z.infer<typeof AssetModelSchema>;
export const AssetModelListSchema = z.object({ data: z.array(AssetModelSchema) });
export const ListModelsQuerySchema = z.object({ kindId: QueryId.optional(), manufacturerId: QueryId.optional(), q: SearchText });
export type ListModelsQuery = z.infer<typeof ListModelsQuerySchema>;

export const CreateModelBodySchema = z.object({
  kindId: Id,
  manufacturerId: Id.nullable().optional(),
  name: Name,
  partNumber: nullableText(100),
});
export type CreateModelBody = z.input<typeof CreateModelBodySchema>;
export const UpdateModelBodySchema = z.object({
  kindId: Id.optional(),
  manufacturerId: Id.nullable().optional(),
  name: Name.optional(),
  partNumber: nullableText(100),
});
export type UpdateModelBody = z.input<typeof UpdateModelBodySchema>;
export const ModelParamsSchema = z.object({ modelId: QueryId });

// ── Suppliers ─────────────────────────────────────────────────────────────────────────────────

export const SupplierContactSchema = z.object({
  id: z.number(),
  supplierId: z.number(),
  name: z.string(),
  role: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type SupplierContact = z.infer<typeof SupplierContactSchema>;

export const SupplierSchema = z.object({
  id: z.number(),
  entityId: z.number(),
  entityName: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  isActive: z.boolean(),
  isUsed: z.boolean(),
  contacts: z.array(SupplierContactSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Supplier = z.infer<typeof SupplierSchema>;
export const SupplierListSchema = z.object({ data: z.array(SupplierSchema) });
export type SupplierList = z.infer<typeof SupplierListSchema>;

export const ListSuppliersQuerySchema = z.object({
  entityId: QueryId.optional(),
  q: SearchText,
  includeInactive: QueryBoolSchema.default(false),
});
export type ListSuppliersQuery = z.infer<typeof ListSuppliersQuerySchema>;

const Email = z.string().trim().max(200).email().nullable().optional().or(z.literal("").transform(() => null));
const supplierFields = {
  phone: nullableText(50),
  email: Email,
  website: nullableText(300),
  address: nullableText(500),
  notes: nullableText(5000),
};

export const CreateSupplierBodySchema = z.object({
  name: Name,
  /** Default: the caller's entity. */
  entityId: Id.optional(),
  ...supplierFields,
  isActive: z.boolean().default(true),
});
export type CreateSupplierBody = z.input<typeof CreateSupplierBodySchema>;
export const UpdateSupplierBodySchema = z.object({ name: Name.optional(), ...supplierFields, isActive: z.boolean().optional() });
export type UpdateSupplierBody = z.input<typeof UpdateSupplierBodySchema>;
export const SupplierParamsSchema = z.object({ supplierId: QueryId });

export const ContactBodySchema = z.object({ name: Name, role: nullableText(100), phone: nullableText(50), email: Email });
export type ContactBody = z.input<typeof ContactBodySchema>;
export const UpdateContactBodySchema = ContactBodySchema.partial();
export type UpdateContactBody = z.input<typeof UpdateContactBodySchema>;
export const ContactParamsSchema = z.object({ supplierId: QueryId, contactId: QueryId });
