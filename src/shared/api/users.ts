import { z } from "zod";
import { LANGUAGES } from "../domain/limits.js";
import { PageQuerySchema, QueryBoolSchema, TimeZoneSchema, optionalText, pageOf } from "./common.js";
import { PasswordSchema } from "./auth.js";

const LoginSchema = z
  .string()
  .trim()
  .min(2)
  .max(100)
  .regex(/^[\p{L}\p{N}._@-]+$/u, "letters, digits and . _ @ - only");

export const UserSchema = z.object({
  id: z.number(),
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  jobTitle: z.string().nullable(),
  entityId: z.number(),
  entityName: z.string(),
  language: z.enum(LANGUAGES),
  timeZone: z.string().nullable(),
  isActive: z.boolean(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const CreateUserBodySchema = z.object({
  login: LoginSchema,
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.email().max(200).optional(),
  phone: optionalText(40),
  mobile: optionalText(40),
  jobTitle: optionalText(100),
  entityId: z.number().int().positive(),
  language: z.enum(LANGUAGES).default("fr"),
  timeZone: TimeZoneSchema.optional(),
  password: PasswordSchema.optional(),
  isActive: z.boolean().default(true),
});
export type CreateUserBody = z.input<typeof CreateUserBodySchema>;

export const UpdateUserBodySchema = z.object({
  firstName: z.string().trim().min(1).max(100).optional(),
  lastName: z.string().trim().min(1).max(100).optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  mobile: z.string().trim().max(40).nullable().optional(),
  jobTitle: z.string().trim().max(100).nullable().optional(),
  entityId: z.number().int().positive().optional(),
  language: z.enum(LANGUAGES).optional(),
  timeZone: TimeZoneSchema.nullable().optional(),
  isActive: z.boolean().optional(),
  password: PasswordSchema.optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBodySchema>;

export const USER_SORTS = ["name", "login", "created"] as const;

export const ListUsersQuerySchema = PageQuerySchema.extend({
  q: optionalText(100),
  entityId: z.coerce.number().int().positive().optional(),
  /** With entityId: include its sub-entities (the default, as the entity switcher does). */
  recursive: QueryBoolSchema.default(true),
  groupId: z.coerce.number().int().positive().optional(),
  isActive: QueryBoolSchema.optional(),
  sort: z.enum(USER_SORTS).default("name"),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuerySchema>;

export const UserPageSchema = pageOf(UserSchema);

export const ImportUsersResultSchema = z.object({
  created: z.number(),
  updated: z.number(),
  /** When not empty, nothing was written. `code` says why, for translation. */
  errors: z.array(z.object({
    line: z.number(),
    code: z.enum(["ENTITY_NOT_FOUND", "FORBIDDEN", "DUPLICATE_LOGIN", "VALIDATION_FAILED"]),
    message: z.string(),
  })),
});
export type ImportUsersResult = z.infer<typeof ImportUsersResultSchema>;
