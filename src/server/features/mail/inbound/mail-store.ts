/**
 * Where received mails live while and after they are processed: the raw message in the shared
 * file store (mail-in/ab/cd/<sha256>, apart from the attachments so that deleting an attachment
 * never takes a kept mail with it), and the module's settings, cached per process.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { MAIL_IN_MAX_MB, type MailInSettings, MailInSettingsSchema } from "../../../../shared/api/mail-in.js";
import type { Db } from "../../../db/database.js";
import { settingCache } from "../../../db/setting-cache.js";
import { storageKeyOf, storedPath } from "../../attachments/file-store.js";

export const MAIL_IN_SETTINGS_KEY = "mail.in";
export const DEFAULT_MAIL_IN_SETTINGS: MailInSettings = { blocklist: [], maxMessageMb: MAIL_IN_MAX_MB.default };

export function sha256Of(raw: Buffer): string {
  return createHash("sha256").update(raw).digest("hex");
}

function rawPath(filesDir: string, sha256: string): string {
  return storedPath(path.join(filesDir, "mail-in"), storageKeyOf(sha256));
}

/** Writes the raw mail once (same content, same file), through a temporary name so a reader never sees half of it. */
export async function keepRaw(filesDir: string, raw: Buffer): Promise<string> {
  const sha256 = sha256Of(raw);
  const target = rawPath(filesDir, sha256);
  try {
    await fs.access(target);
    return sha256;
  } catch {
    // Not there yet.
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString("hex")}.part`;
  await fs.writeFile(temp, raw);
  await fs.rename(temp, target);
  return sha256;
}

export async function readRaw(filesDir: string, sha256: string): Promise<Buffer> {
  return fs.readFile(rawPath(filesDir, sha256));
}

export function rawFilePath(filesDir: string, sha256: string): string {
  return rawPath(filesDir, sha256);
}

/** Settings and own addresses change rarely and are read for every mail: kept a few seconds per process. */
const CACHE_MS = 5_000;
const context = settingCache(CACHE_MS, async (db): Promise<{ settings: MailInSettings; ownAddresses: string[] }> => {
  const settings = await readMailInSettings(db);
  const boxes = await db.selectFrom("mail_mailbox").select("address").execute();
  const sender = await db.selectFrom("setting").select("value").where("key", "=", "mail.smtp").executeTakeFirst();
  return { settings, ownAddresses: [...boxes.map((b) => b.address), ...fromAddressOf(sender?.value)] };
});

export function forgetMailInCache(db: Db): void {
  context.forget(db);
}

export async function readMailInSettings(db: Db): Promise<MailInSettings> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", MAIL_IN_SETTINGS_KEY).executeTakeFirst();
  if (!row) return DEFAULT_MAIL_IN_SETTINGS;
  try {
    const parsed = MailInSettingsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_MAIL_IN_SETTINGS;
  } catch {
    return DEFAULT_MAIL_IN_SETTINGS;
  }
}

/** The settings and every mailbox address (mail from one of them is a loop), from the cache. */
export function mailInContext(db: Db): Promise<{ settings: MailInSettings; ownAddresses: string[] }> {
  return context.get(db);
}

/** The notification sender's address, from the outgoing mail settings (read as plain JSON, whatever their shape). */
function fromAddressOf(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const parsed = JSON.parse(value) as Record<string, unknown>;
    const from = parsed["fromAddress"] ?? parsed["from"];
    return typeof from === "string" && from.includes("@") ? [from.toLowerCase()] : [];
  } catch {
    return [];
  }
}
