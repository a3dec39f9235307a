/**
 * The notification templates, per event and language: read, saved, reset to the shipped text,
 * and previewed with a sample ticket. A template naming an unknown placeholder is refused.
 */
import {
  MAIL_EVENTS, MAIL_LANGUAGES, type MailEvent, type MailLanguage, type MailPreview, type MailPreviewBody, type MailTemplate, type MailTemplateBody,
} from "../../../../shared/api/mail-out.js";
import type { Db } from "../../../db/database.js";
import type { TicketRow } from "../../../db/schema.js";
import { now } from "../../../db/values.js";
import type { Ctx } from "../../../http/context.js";
import { AppError } from "../../../http/errors.js";
import { assertRootAdmin } from "../../identity/root-admin.js";
import { valuesFor } from "./mail-values.js";
import { renderMail, unknownPlaceholders } from "./render.js";
import { readSmtp } from "./smtp-settings.js";
import { templateFor } from "./templates.js";

async function presentTemplate(db: Db, event: MailEvent, language: MailLanguage): Promise<MailTemplate> {
  const t = await templateFor(db, event, language);
  return { event, language, subject: t.subject, body: t.body, isDefault: t.isDefault, updatedAt: t.updatedAt };
}

export async function listTemplates(ctx: Ctx): Promise<{ data: MailTemplate[] }> {
  await assertRootAdmin(ctx.db, ctx);
  const data: MailTemplate[] = [];
  for (const event of MAIL_EVENTS) for (const language of MAIL_LANGUAGES) data.push(await presentTemplate(ctx.db, event, language));
  return { data };
}

function assertKnownPlaceholders(body: MailTemplateBody): void {
  const issues = [...unknownPlaceholders(body.subject, "body.subject"), ...unknownPlaceholders(body.body, "body.body")];
  if (issues.length) throw new AppError("VALIDATION_FAILED", "The template names unknown placeholders", issues);
}

export async function saveTemplate(ctx: Ctx, event: MailEvent, language: MailLanguage, body: MailTemplateBody): Promise<MailTemplate> {
  assertKnownPlaceholders(body);
  await ctx.db.transaction().execute(async (trx) => {
    await assertRootAdmin(trx, ctx);
    const values = { subject: body.subject, body: body.body, updated_by: ctx.actor.userId, updated_at: now() };
    await trx.insertInto("mail_template").values({ event, language, ...values })
      .onConflict((oc) => oc.columns(["event", "language"]).doUpdateSet(values)).execute();
  });
  return presentTemplate(ctx.db, event, language);
}

export async function resetTemplate(ctx: Ctx, event: MailEvent, language: MailLanguage): Promise<MailTemplate> {
  await assertRootAdmin(ctx.db, ctx);
  await ctx.db.deleteFrom("mail_template").where("event", "=", event).where("language", "=", language).execute();
  return presentTemplate(ctx.db, event, language);
}

const SAMPLE: Record<MailLanguage, { title: string; description: string; followup: string; solution: string; requester: string; tech: string; group: string }> = {
  fr: { title: "L'imprimante du 2e étage n'imprime plus", description: "<p>Bourrage papier, voyant orange.</p>",
    followup: "<p>Je passe cet après-midi changer le <b>rouleau</b>.</p>", solution: "<p>Rouleau d'entraînement remplacé.</p>",
    requester: "Jeanne Durand", tech: "Marc Petit", group: "Support N1" },
  en: { title: "The 2nd floor printer does not print", description: "<p>Paper jam, orange light.</p>",
    followup: "<p>I will replace the <b>roller</b> this afternoon.</p>", solution: "<p>Feed roller replaced.</p>",
    requester: "Jane Smith", tech: "Mark Little", group: "Service desk L1" },
};

/** Renders the text being edited with a sample ticket, as the recipient would read it. */
export async function previewTemplate(ctx: Ctx, body: MailPreviewBody): Promise<MailPreview> {
  await assertRootAdmin(ctx.db, ctx);
  assertKnownPlaceholders(body);
  const s = SAMPLE[body.language];
  const at = new Date(Date.now() + 4 * 3600_000).toISOString();
  const ticket = { id: 1234, title: s.title, description: s.description, status: "assigned", priority: 4, due_at: at, sla_next_due_at: at } as TicketRow;
  const facts = { ticket, requesterName: s.requester, assigneeName: s.tech, groupName: s.group, entityName: "Groupe Durand", actorName: s.tech,
    followup: s.followup, solution: s.solution };
  const appUrl = (await readSmtp(ctx.db))?.appUrl || "https://vigie.example";
  const isStaff = body.event === "assigned" || body.event === "sla_warning";
  const mail = renderMail(body, valuesFor(facts, { name: isStaff ? s.tech : s.requester, language: body.language, isStaff }, appUrl), ticket.id);
  return { subject: mail.subject, text: mail.text, html: mail.html };
}
