/**
 * The SMTP settings, one for the whole organisation (a row of `setting`), and the nodemailer
 * transport built from them. The ticket path asks only "is mail on?": that answer comes from a
 * per-process cache refreshed every few seconds, so several instances agree soon after a change.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import { SMTP_SECURITY } from "../../../../shared/api/mail-out.js";
import type { Db } from "../../../db/database.js";
import { settingCache } from "../../../db/setting-cache.js";
import { openSecret, sealSecret } from "../../../security/secret-box.js";

export const SMTP_SETTINGS_KEY = "mail.smtp";
const CACHE_MS = 5_000;

const StoredSchema = z.object({
  host: z.string(), port: z.number(), security: z.enum(SMTP_SECURITY), user: z.string(), password: z.string(),
  fromAddress: z.string(), fromName: z.string(), appUrl: z.string(), enabled: z.boolean(),
});
/** As stored: `password` sealed (or clear, when saved before sealing existed); transportFor opens it. */
export type StoredSmtp = z.infer<typeof StoredSchema>;

export async function readSmtp(db: Db): Promise<StoredSmtp | undefined> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", SMTP_SETTINGS_KEY).executeTakeFirst();
  if (!row) return undefined;
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The password is stored sealed (security/secret-box), also when it was kept from settings saved before sealing existed. */
export async function writeSmtp(db: Db, value: StoredSmtp): Promise<void> {
  const text = JSON.stringify({ ...value, password: sealSecret(value.password) });
  await db.insertInto("setting").values({ key: SMTP_SETTINGS_KEY, value: text })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: text })).execute();
  forgetSmtpCache(db);
}

const mailOn = settingCache(CACHE_MS, async (db) => Boolean((await readSmtp(db))?.enabled));

/** Whether mail goes out at all: settings saved and enabled. Cheap: at most one read per few seconds per process. */
export function mailIsOn(db: Db): Promise<boolean> {
  return mailOn.get(db);
}

export function forgetSmtpCache(db: Db): void {
  mailOn.forget(db);
}

let transport: { key: string; transporter: Transporter } | undefined;

/** One pooled transport per settings: kept while they do not change, rebuilt when they do. */
export function transportFor(smtp: StoredSmtp): Transporter {
  const key = JSON.stringify([smtp.host, smtp.port, smtp.security, smtp.user, smtp.password]);
  if (transport?.key === key) return transport.transporter;
  transport?.transporter.close();
  const transporter = nodemailer.createTransport({
    host: smtp.host, port: smtp.port, secure: smtp.security === "tls",
    requireTLS: smtp.security === "starttls", ignoreTLS: smtp.security === "none",
    auth: smtp.user ? { user: smtp.user, pass: openSecret(smtp.password) } : undefined,
    pool: true, maxConnections: 3, maxMessages: 500,
    connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
  });
  transport = { key, transporter };
  return transporter;
}

/** Closes the pooled connections (tests, shutdown). */
export function closeTransport(): void {
  transport?.transporter.close();
  transport = undefined;
}

/** A permanent refusal (5xx): trying again will not help. */
export function isPermanentSmtpError(err: unknown): boolean {
  const code = (err as { responseCode?: number } | undefined)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
