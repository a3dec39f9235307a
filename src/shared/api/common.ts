import { z } from "zod";
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from "../domain/limits.js";

/** Query-string booleans arrive as text: accept only the spellings people type. */
export const QueryBoolSchema = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

export const IdSchema = z.coerce.number().int().positive();
export const IdParamsSchema = z.object({ id: IdSchema });
export type IdParams = z.infer<typeof IdParamsSchema>;

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  cursor: z.string().max(500).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export type Page<T> = { data: T[]; nextCursor: string | null };

export const OkSchema = z.object({ ok: z.literal(true) });

/** Accepts a string, trims it and turns "" into undefined, so empty form fields mean "not given". */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === "" ? undefined : v));
}

/** An ISO-8601 UTC timestamp, as the server stores and returns every date. */
export const TimestampSchema = z.string();

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone such as "Europe/Paris" or "America/Martinique". */
export const TimeZoneSchema = z.string().trim().max(64).refine(isTimeZone, "unknown time zone");
