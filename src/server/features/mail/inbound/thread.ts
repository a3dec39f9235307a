import type { InboundMail } from "./inbound-mail.js";

/** How our outgoing subjects name a ticket; N stands for the ticket number. */
export const DEFAULT_TICKET_TAG = "[Vigie #N]";

/**
 * Ways other than our own tag in which people and other tools write a ticket number in a subject.
 * Kept narrow (a "#" is required) so that "Ticket 2026 budget" is not read as ticket 2026.
 */
const LOOSE_TAGS = [
  /\[\s*#\s*(\d+)\s*\]/, // [#1234]
  /\bticket\s*(?:n°|no\.?)?\s*#\s*(\d+)\b/i, // Ticket #1234
  /\br[ée]f(?:[ée]rence)?\s*\.?\s*:?\s*#\s*(\d+)\b/i, // Réf. : #1234, Ref: #1234
];

export type ThreadOptions = {
  /** Our subject tag, N = the number: "[Vigie #N]" by default, e.g. "[Support ACME #N]". */
  tag?: string;
  /** Also recognise [#N], Ticket #N and Réf. : #N (default true). */
  looseTags?: boolean;
};

export type ThreadMatch = { ticketId: number; via: "in-reply-to" | "references" | "subject" };

/** message-id (with angle brackets) → the ticket it belongs to; the database sits behind it. */
export type TicketByMessageId = (messageId: string) => number | undefined | Promise<number | undefined>;

/**
 * Finds the ticket a message answers. Message-IDs come first: they were written by the mail client
 * from a message we sent or stored, so they cannot point at the wrong ticket by accident. The
 * subject number comes next; anyone can type it, so the caller must still check that the sender may
 * add to that ticket (and that it exists).
 */
export async function findThread(
  mail: Pick<InboundMail, "inReplyTo" | "references" | "subject">,
  lookup: TicketByMessageId,
  options: ThreadOptions = {},
): Promise<ThreadMatch | null> {
  if (mail.inReplyTo) {
    const ticketId = await lookup(mail.inReplyTo);
    if (ticketId !== undefined) return { ticketId, via: "in-reply-to" };
  }
  // Newest first: the end of References is the nearest ancestor.
  for (const messageId of [...mail.references].reverse()) {
    if (messageId === mail.inReplyTo) continue;
    const ticketId = await lookup(messageId);
    if (ticketId !== undefined) return { ticketId, via: "references" };
  }
  const ticketId = ticketNumberInSubject(mail.subject, options);
  return ticketId === null ? null : { ticketId, via: "subject" };
}

/** The ticket number written in a subject, or null. Our own tag wins over the loose forms. */
export function ticketNumberInSubject(subject: string, options: ThreadOptions = {}): number | null {
  const patterns = [tagPattern(options.tag ?? DEFAULT_TICKET_TAG), ...(options.looseTags === false ? [] : LOOSE_TAGS)];
  for (const pattern of patterns) {
    const number = Number(pattern.exec(subject)?.[1]);
    if (Number.isSafeInteger(number) && number > 0) return number;
  }
  return null;
}

/**
 * "[Vigie #N]" → /\[\s*Vigie\s*#\s*(\d+)\s*\]/i: literal text, any spacing; the last capital N
 * stands for the number (so "[Network #N]" works).
 */
export function tagPattern(tag: string, flags = "i"): RegExp {
  const at = tag.lastIndexOf("N");
  const before = at < 0 ? tag : tag.slice(0, at);
  const after = at < 0 ? "" : tag.slice(at + 1);
  // Words and single punctuation marks, any spacing between them: "[Vigie #" also matches "[ vigie#".
  const literal = (text: string) =>
    (text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s*");
  const source = [literal(before), "(\\d+)", literal(after)].filter(Boolean).join("\\s*");
  return new RegExp(source, flags);
}

/** Reply and forward prefixes of French, English and German clients: RE, TR, Fwd, FW, AW, WG, Réf. */
const REPLY_PREFIX = /^\s*(?:re|tr|fwd?|aw|wg|r[ée]f)\s*(?:\[\d+\]|\(\d+\))?\s*\.?\s*:\s*/i;

/**
 * A title for a new ticket from a subject: reply/forward prefixes removed as often as they appear,
 * our ticket tag removed wherever it is, spaces tidied. May return "" (the caller picks a default).
 */
export function cleanSubject(subject: string, options: ThreadOptions = {}): string {
  const tag = tagPattern(options.tag ?? DEFAULT_TICKET_TAG, "gi");
  let title = subject.replace(tag, " ").replace(/\s+/g, " ").trim();
  let previous = "";
  while (previous !== title) {
    previous = title;
    title = title.replace(REPLY_PREFIX, "").replace(tag, " ").replace(/\s+/g, " ").trim();
  }
  return title;
}
