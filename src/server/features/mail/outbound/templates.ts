/** The template that applies to an event in a language: the admin's, else the shipped one. */
import type { MailEvent, MailLanguage } from "../../../../shared/api/mail-out.js";
import type { Db } from "../../../db/database.js";
import { DEFAULT_TEMPLATES } from "./default-templates.js";

export type TemplateText = { subject: string; body: string; isDefault: boolean; updatedAt: string | null };

export async function templateFor(db: Db, event: MailEvent, language: MailLanguage): Promise<TemplateText> {
  const row = await db.selectFrom("mail_template").select(["subject", "body", "updated_at"])
    .where("event", "=", event).where("language", "=", language).executeTakeFirst();
  if (row) return { subject: row.subject, body: row.body, isDefault: false, updatedAt: row.updated_at };
  return { ...DEFAULT_TEMPLATES[event][language], isDefault: true, updatedAt: null };
}
