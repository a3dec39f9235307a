/**
 * The SMTP settings and the test mail: for the administrators of the root entity only, since
 * they decide how every entity's mail leaves. The password is kept to log in to the server and
 * never returned; the history says it changed, not what it is.
 */
import type { SmtpSettings, SmtpSettingsBody, TestMailBody, TestMailResult } from "../../../../shared/api/mail-out.js";
import { SmtpSettingsBodySchema } from "../../../../shared/api/mail-out.js";
import type { Ctx } from "../../../http/context.js";
import { AppError } from "../../../http/errors.js";
import { recordHistory } from "../../history/history.service.js";
import { assertRootAdmin } from "../../identity/root-admin.js";
import { deliver } from "./mail-send.job.js";
import { newMessageId } from "./mail-render.job.js";
import { languageOf } from "./recipients.js";
import { renderMail } from "./render.js";
import { type StoredSmtp, forgetSmtpCache, readSmtp, writeSmtp } from "./smtp-settings.js";

const EMPTY: SmtpSettings = {
  configured: false, host: "", port: 587, security: "starttls", user: "", passwordSet: false,
  fromAddress: "", fromName: "Vigie", appUrl: "", enabled: false,
};

function present(smtp: StoredSmtp | undefined): SmtpSettings {
  if (!smtp) return EMPTY;
  return { configured: true, host: smtp.host, port: smtp.port, security: smtp.security, user: smtp.user, passwordSet: smtp.password !== "",
    fromAddress: smtp.fromAddress, fromName: smtp.fromName, appUrl: smtp.appUrl, enabled: smtp.enabled };
}

export async function getSmtpSettings(ctx: Ctx): Promise<SmtpSettings> {
  await assertRootAdmin(ctx.db, ctx);
  return present(await readSmtp(ctx.db));
}

/** What the history shows of a change: every field but the password, which only says "changed". */
function describe(smtp: StoredSmtp | undefined): string {
  if (!smtp) return "";
  return `${smtp.host}:${smtp.port} ${smtp.security} ${smtp.user || "-"} ${smtp.fromName} <${smtp.fromAddress}> ${smtp.appUrl} ${smtp.enabled ? "on" : "off"}`;
}

export async function updateSmtpSettings(ctx: Ctx, input: SmtpSettingsBody): Promise<SmtpSettings> {
  const body = SmtpSettingsBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const rootId = await assertRootAdmin(trx, ctx);
    const before = await readSmtp(trx);
    const password = body.password === undefined ? before?.password ?? "" : body.password;
    const after: StoredSmtp = { host: body.host, port: body.port, security: body.security, user: body.user, password,
      fromAddress: body.fromAddress, fromName: body.fromName, appUrl: body.appUrl.replace(/\/+$/, ""), enabled: body.enabled };
    await writeSmtp(trx, after);
    const changes = [{ field: "smtpSettings", oldValue: describe(before), newValue: describe(after) }]
      .concat(password === (before?.password ?? "") ? [] : [{ field: "smtpPassword", oldValue: "", newValue: "changed" }])
      .filter((c) => c.oldValue !== c.newValue);
    if (changes.length) await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: rootId, entityId: rootId, action: "update", changes });
  });
  forgetSmtpCache(ctx.db);
  return getSmtpSettings(ctx);
}

/** Sends at once (not through the queue), so the admin sees the server's answer. */
export async function sendTestMail(ctx: Ctx, body: TestMailBody): Promise<TestMailResult> {
  await assertRootAdmin(ctx.db, ctx);
  const smtp = await readSmtp(ctx.db);
  if (!smtp) throw new AppError("SMTP_NOT_CONFIGURED", "Save the SMTP settings first");
  const me = await ctx.db.selectFrom("app_user").select("language").where("id", "=", ctx.actor.userId).executeTakeFirst();
  const language = languageOf(me?.language);
  const text = language === "fr"
    ? { subject: "Vigie : message de test", body: "Ce message confirme que Vigie envoie ses notifications par {{app.name}} via ce serveur SMTP." }
    : { subject: "Vigie: test message", body: "This message confirms that {{app.name}} sends its notifications through this SMTP server." };
  const mail = renderMail(text, { "app.name": { text: "Vigie" } }, null);
  try {
    await deliver(smtp, { to_address: body.to, to_name: null, subject: mail.subject, text_body: mail.text, html_body: mail.html,
      message_id: newMessageId(null, smtp.fromAddress), in_reply_to: null, references: null, ticket_id: null });
    return { ok: true, error: null };
  } catch (err) {
    ctx.log.warn({ err }, "test mail failed");
    const e = err as { response?: string; message?: string };
    return { ok: false, error: String(e.response ?? e.message ?? err).slice(0, 500) };
  }
}
