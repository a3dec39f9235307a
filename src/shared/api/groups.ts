import { z } from "zod";
import { PageQuerySchema, QueryBoolSchema, optionalText, pageOf } from "./common.js";

export const GroupSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  entityId: z.number(),
  entityName: z.string(),
  /** Visible in the sub-entities of its entity too. */
  recursive: z.boolean(),
  memberCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Group = z.infer<typeof GroupSchema>;

export const CreateGroupBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  description: optionalText(1000),
  entityId: z.number().int().positive(),
  recursive: z.boolean().default(true),
});
export type CreateGroupBody = z.input<typeof CreateGroupBodySchema>;

export const UpdateGroupBodySchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  description: z.string().trim().max(1000).nullable().optional(),
  entityId: z.number().int().positive().optional(),
  recursive: z.boolean().optional(),
});
export type UpdateGroupBody = z.infer<typeof UpdateGroupBodySchema>;

export const ListGroupsQuerySchema = PageQuerySchema.extend({
  q: optionalText(100),
  entityId: z.coerce.number().int().positive().optional(),
  recursive: QueryBoolSchema.default(true),
});
export type ListGroupsQuery = z.infer<typeof ListGroupsQuerySchema>;

export const GroupPageSchema = pageOf(GroupSchema);

export const GroupMemberSchema = z.object({
  userId: z.number(),
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  isManager: z.boolean(),
});
export type GroupMember = z.infer<typeof GroupMemberSchema>;

export const GroupMemberPageSchema = pageOf(GroupMemberSchema);

export const AddGroupMemberBodySchema = z.object({
  userId: z.number().int().positive(),
  isManager: z.boolean().default(false),
});
export type AddGroupMemberBody = z.input<typeof AddGroupMemberBodySchema>;

export const GroupMemberParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  userId: z.coerce.number().int().positive(),
});
