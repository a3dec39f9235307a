import { z } from "zod";

/** Bumped when the archive layout changes; a restore refuses a format it does not know. */
export const BACKUP_FORMAT = 1;

export const ManifestSchema = z.object({
  format: z.literal("vigie-backup"),
  formatVersion: z.literal(BACKUP_FORMAT),
  vigieVersion: z.string(),
  /** Where the rows came from; rows are plain JSON, so they restore into either dialect. */
  dialect: z.enum(["sqlite", "postgres"]),
  databaseVersion: z.string(),
  /** The migrations applied to the source database: the schema the rows fit. */
  migrations: z.array(z.string()),
  createdAt: z.string(),
  /** In restore order, each a JSON-lines file of one row per line. */
  tables: z.array(z.object({ name: z.string(), file: z.string(), rows: z.number().int().min(0) })),
  files: z.object({ count: z.number().int().min(0), bytes: z.number().int().min(0) }),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const MANIFEST_FILE = "manifest.json";
export const TABLES_DIR = "tables";
export const FILES_DIR = "files";

/** Why a backup cannot go into this installation, in words an administrator can act on. */
export function checkMigrations(backup: string[], current: string[]): string | undefined {
  const unknown = backup.filter((m) => !current.includes(m));
  if (unknown.length > 0) {
    return `the backup was made by a newer Vigie (unknown migrations: ${unknown.join(", ")}): upgrade Vigie first`;
  }
  const samePrefix = backup.every((m, i) => current[i] === m);
  if (!samePrefix) return "the backup's migrations do not match this Vigie's";
  if (backup.length < current.length) {
    return `the backup was made by an older Vigie (${backup.length} of ${current.length} migrations): ` +
      "restore it with that version, then upgrade";
  }
  return undefined;
}
