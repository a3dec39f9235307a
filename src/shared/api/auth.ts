import { z } from "zod";
import { LANGUAGES, PASSWORD_MIN_LENGTH } from "../domain/limits.js";
import { ROLES } from "../domain/roles.js";
import { TimeZoneSchema } from "./common.js";

export const LoginBodySchema = z.object({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const PasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(200);

export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

export const GrantSummarySchema = z.object({
  entityId: z.number(),
  entityName: z.string(),
  role: z.enum(ROLES),
  recursive: z.boolean(),
  /** Granted on the root entity: the organisation-wide settings (mail, inventory rules…) are for its admins. */
  onRoot: z.boolean(),
});

export const MeSchema = z.object({
  id: z.number(),
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  entityId: z.number(),
  language: z.enum(LANGUAGES),
  timeZone: z.string(),
  /** The highest role the user holds anywhere: the web app picks portal or work areas from it. */
  highestRole: z.enum(ROLES).nullable(),
  grants: z.array(GrantSummarySchema),
  via: z.enum(["session", "token"]),
});
export type Me = z.infer<typeof MeSchema>;

export const UpdateMeBodySchema = z.object({
  language: z.enum(LANGUAGES).optional(),
  timeZone: TimeZoneSchema.optional(),
});
export type UpdateMeBody = z.infer<typeof UpdateMeBodySchema>;

export const SetupStatusSchema = z.object({ needsSetup: z.boolean(), version: z.string() });
export type SetupStatus = z.infer<typeof SetupStatusSchema>;

export const SetupBodySchema = z.object({
  organisation: z.string().trim().min(1).max(200),
  login: z.string().trim().min(2).max(100),
  password: PasswordSchema,
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.email().max(200).optional(),
  language: z.enum(LANGUAGES).default("fr"),
});
export type SetupBody = z.infer<typeof SetupBodySchema>;

export const HealthSchema = z.object({ status: z.enum(["ok", "unavailable"]), database: z.string() });
