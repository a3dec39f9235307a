import { z } from "zod";
import { ROLES } from "../domain/roles.js";
import { PageQuerySchema, pageOf } from "./common.js";

export const ApiTokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  /** The first characters, so an admin can tell tokens apart; the secret itself is never stored. */
  prefix: z.string(),
  entityId: z.number(),
  entityName: z.string(),
  role: z.enum(ROLES),
  recursive: z.boolean(),
  createdBy: z.number(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreateApiTokenBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  entityId: z.number().int().positive(),
  role: z.enum(ROLES),
  recursive: z.boolean().default(true),
  expiresAt: z.iso.datetime().optional(),
});
export type CreateApiTokenBody = z.input<typeof CreateApiTokenBodySchema>;

/** Returned once, at creation: the only time the secret is shown. */
export const CreatedApiTokenSchema = z.object({ token: z.string(), apiToken: ApiTokenSchema });

export const ListApiTokensQuerySchema = PageQuerySchema;
export const ApiTokenPageSchema = pageOf(ApiTokenSchema);
