/**
 * Keeps the new part of a reply, for a followup. Two cuts, in this order:
 *
 * 1. Quoted history: everything from the first of
 *    - an attribution line: "On … wrote:", "Le … a écrit :", "Am … schrieb …:" (Gmail, Apple Mail,
 *      Thunderbird; Gmail wraps it over two or three lines, so those are joined). It must hold a
 *      digit or an "@" (the date, the address), so "Le technicien a écrit :" stays content;
 *    - a separator: "-----Original Message-----", "-----Message d'origine-----", "Ursprüngliche Nachricht";
 *    - an Outlook header block: "De :"/"From:" followed within 5 lines by two of
 *      "Envoyé :"/"Sent:"/"Date :"/"À :"/"To:"/"Objet :"/"Subject:"/"Cc :";
 *    - a block of ">" lines that runs to the end (a ">" block followed by new text is an inline
 *      answer: it is kept, since the answer makes no sense without the question).
 * 2. Signature, in what is left:
 *    - the "-- " delimiter (RFC 3676; "--" too), when at most 12 lines follow;
 *    - a mobile footer line: "Envoyé de mon iPhone", "Sent from my …", "Obtenir Outlook pour iOS";
 *    - a sign-off line alone ("Cordialement,", "Bien à vous", "Best regards", …) when text comes
 *      before it and at most 6 short lines (≤ 60 characters: name, job, phone) follow it.
 *      "Merci" and "Thanks" are not sign-offs here: they are too often the message itself.
 *
 * Meant for replies to an existing ticket. A forwarded mail that opens a ticket must keep its
 * content: don't trim it. Never returns "" for a message that had text: falls back to the full text.
 */
export function trimReply(text: string): string {
  const full = text.replace(/\r\n?/g, "\n");
  let lines = full.split("\n");
  lines = lines.slice(0, quoteStart(lines));
  lines = lines.slice(0, signatureStart(lines));
  const kept = dropTrailingFiller(lines).join("\n").trim();
  return kept !== "" ? kept : full.trim();
}

const ATTRIBUTIONS = [
  /^\s*On\s.{4,300}\swrote\s?:\s*$/i,
  /^\s*Le\s.{4,300}\sa\s+[ée]crit\s?:\s*$/i,
  /^\s*Am\s.{4,300}\sschrieb.{0,100}:\s*$/i,
];
const SEPARATOR = /^\s*-{2,}\s*(original message|message d'origine|message original|ursprüngliche nachricht)\s*-{2,}\s*$/i;
const HEADER_FROM = /^\s*\*?(de|from|von)\s?\*?\s?:/i;
const HEADER_OTHER = /^\s*\*?(envoyé|sent|date|à|a|to|objet|subject|cc|an|betreff|gesendet)\s?\*?\s?:/i;

function quoteStart(lines: string[]): number {
  const tail = trailingQuoteStart(lines);
  for (let i = 0; i < tail; i++) {
    if (isAttribution(lines, i) || SEPARATOR.test(lines[i]!) || isHeaderBlock(lines, i)) return i;
  }
  return tail;
}

/** Where the block of ">" (and blank) lines that runs to the end starts; lines.length if none. */
function trailingQuoteStart(lines: string[]): number {
  let start = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (isQuoted(lines[i]!)) start = i;
    else if (lines[i]!.trim() !== "") break;
  }
  return start;
}

function isQuoted(line: string): boolean {
  return line.trimStart().startsWith(">");
}

/** Every client puts a date or an address in it: that keeps "Le technicien a écrit :" as content. */
function isAttribution(lines: string[], i: number): boolean {
  for (let count = 1; count <= 3 && i + count <= lines.length; count++) {
    const joined = lines.slice(i, i + count).join(" ");
    if (/[\d@]/.test(joined) && ATTRIBUTIONS.some((pattern) => pattern.test(joined))) return true;
  }
  return false;
}

function isHeaderBlock(lines: string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i]!)) return false;
  return lines.slice(i + 1, i + 6).filter((line) => HEADER_OTHER.test(line)).length >= 2;
}

const MOBILE_FOOTER = /^\s*(envoy[ée] (de|depuis)|sent (from|with|via)|get outlook|obtenir outlook|télécharger outlook)\b/i;
const SIGN_OFF =
  /^\s*((bien |très )?cordialement|cdlt|bien à (vous|toi)|salutations( distinguées)?|(best|kind|warm)( regards)?|regards|sincerely|sincèrement|mit freundlichen grüßen|viele grüße)\s*[,.!]?\s*$/i;

function signatureStart(lines: string[]): number {
  const nonBlankAfter = (i: number) => lines.slice(i + 1).filter((rest) => rest.trim() !== "");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^--\s?$/.test(line) && nonBlankAfter(i).length <= 12) return i;
    if (MOBILE_FOOTER.test(line) && line.trim().length <= 80) return i;
    if (SIGN_OFF.test(line) && hasTextBefore(lines, i)) {
      const after = nonBlankAfter(i);
      if (after.length <= 6 && after.every((rest) => rest.trim().length <= 60)) return i;
    }
  }
  return lines.length;
}

function hasTextBefore(lines: string[], i: number): boolean {
  return lines.slice(0, i).some((line) => line.trim() !== "");
}

/** Blank lines and the "______" rule Outlook puts above its header block. */
function dropTrailingFiller(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && /^\s*([_\-=*]{5,})?\s*$/.test(lines[end - 1]!)) end--;
  return lines.slice(0, end);
}
