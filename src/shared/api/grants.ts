import { z } from "zod";
import { ROLES } from "../domain/roles.js";
import { PageQuerySchema, pageOf } from "./common.js";

export const GrantSchema = z.object({
  id: z.number(),
  userId: z.number(),
  userLogin: z.string(),
  userName: z.string(),
  entityId: z.number(),
  entityName: z.string(),
  role: z.enum(ROLES),
  recursive: z.boolean(),
  createdAt: z.string(),
});
export type Grant = z.infer<typeof GrantSchema>;

export const CreateGrantBodySchema = z.object({
  userId: z.number().int().positive(),
  entityId: z.number().int().positive(),
  role: z.enum(ROLES),
  recursive: z.boolean().default(true),
});
export type CreateGrantBody = z.input<typeof CreateGrantBodySchema>;

export const ListGrantsQuerySchema = PageQuerySchema.extend({
  userId: z.coerce.number().int().positive().optional(),
  entityId: z.coerce.number().int().positive().optional(),
});
export type ListGrantsQuery = z.infer<typeof ListGrantsQuerySchema>;

export const GrantPageSchema = pageOf(GrantSchema);
