/**
 * Templates to mail parts. The admin writes plain text with {{placeholders}}; the plain-text part
 * is that text filled in, the HTML part is the same text escaped, with the rich values (followup,
 * solution, description) put in as sanitized HTML and links made clickable.
 */
import { MAIL_PLACEHOLDERS, type MailPlaceholder } from "../../../../shared/api/mail-out.js";
import type { ValidationIssue } from "../../../../shared/api/errors.js";
import { htmlToText } from "../inbound/html-to-text.js";
import { sanitizeRichText } from "../../tickets/html.js";
import { DEFAULT_TICKET_TAG } from "../inbound/thread.js";

/** A value in both forms: `html` when it is rich text, else the escaped text is used. */
export type MailValue = { text: string; html?: string };
export type MailValues = Partial<Record<MailPlaceholder, MailValue>>;

const PLACEHOLDER = /\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/g;
const KNOWN = new Set<string>(MAIL_PLACEHOLDERS);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[c] ?? c);
}

/** A plain value. */
export const plain = (text: string | null | undefined): MailValue => ({ text: text ?? "" });

/** Rich text from the ticket (already sanitized when stored; sanitized again, mails leave our hands). */
export function rich(html: string | null | undefined): MailValue {
  const clean = sanitizeRichText(html ?? "");
  return { text: htmlToText(clean).trim(), html: clean };
}

export function link(url: string): MailValue {
  return { text: url, html: `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` };
}

/** The placeholders a template uses that Vigie does not know, as validation issues. */
export function unknownPlaceholders(text: string, path: string): ValidationIssue[] {
  return [...text.matchAll(PLACEHOLDER)].filter((m) => !KNOWN.has(m[1] ?? ""))
    .map((m) => ({ path, message: `Unknown placeholder ${m[0]}`, code: "custom" }));
}

function fillText(template: string, values: MailValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (KNOWN.has(name) ? values[name as MailPlaceholder]?.text ?? "" : whole));
}

function linkify(escaped: string): string {
  return escaped.replace(/\bhttps?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

function fillHtml(template: string, values: MailValues): string {
  let html = "";
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    html += linkify(escapeHtml(template.slice(last, m.index)));
    const value = KNOWN.has(m[1] ?? "") ? values[m[1] as MailPlaceholder] : undefined;
    html += value ? value.html ?? escapeHtml(value.text) : escapeHtml(m[0]);
    last = (m.index ?? 0) + m[0].length;
  }
  html += linkify(escapeHtml(template.slice(last)));
  // Blank lines part paragraphs; single line breaks stay.
  return html.split(/\n{2,}/).map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`).join("\n");
}

export function ticketTag(ticketId: number): string {
  return DEFAULT_TICKET_TAG.replace(/N(?=[^N]*$)/, String(ticketId));
}

export type RenderedMail = { subject: string; text: string; html: string };

/** Fills a template; the subject always carries the ticket tag, so replies thread even when the admin removed it. */
export function renderMail(template: { subject: string; body: string }, values: MailValues, ticketId: number | null): RenderedMail {
  const filled = fillText(template.subject, values).replace(/\s+/g, " ").trim();
  const tag = ticketId === null ? "" : ticketTag(ticketId);
  const subject = tag && !filled.includes(tag) ? `${tag} ${filled}` : filled;
  const text = fillText(template.body, values).replace(/\n{3,}/g, "\n\n").trim();
  const body = fillHtml(template.body.trim(), values);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`
    + `<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1a1b1e">${body}</body></html>`;
  return { subject, text, html };
}
