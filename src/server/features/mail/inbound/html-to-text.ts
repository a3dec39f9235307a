import sanitizeHtml from "sanitize-html";

/**
 * Plain text from an HTML mail body, for a message that has no text part. The HTML parser of
 * sanitize-html does the stripping: scripts, styles, head, comments and images leave nothing; line
 * structure comes from the block elements; a link keeps its address in brackets when it differs from
 * its text. The result is text, never markup: whoever shows it must still escape it.
 */
export function htmlToText(html: string): string {
  const marked = html
    .replace(/[\uE000-\uE002]/g, "") // private-use characters: the link markers below
    .replace(/\s+/g, " ") // source line breaks mean nothing in HTML
    // A link becomes START href SEP text END; the markers survive the stripping and are resolved after
    // it (a regex over the HTML itself would rescan the rest of the body for every unclosed <a>).
    .replace(/<a\b[^>]*?\bhref\s*=\s*["'](https?:[^"'\s<>]+)["'][^>]*>/gi, `${START}$1${SEP}`)
    .replace(/<\/a\s*>/gi, END)
    .replace(/<br\b[^>]*>/gi, "\n")
    .replace(/<\/(td|th)\s*>/gi, "\t")
    .replace(/<\/tr\s*>/gi, "\n")
    .replace(/<li\b[^>]*>/gi, "\n- ")
    .replace(/<\/?(p|div|table|h[1-6]|ul|ol|blockquote|pre|hr|section|article|header|footer)\b[^>]*>/gi, "\n$&");
  const stripped = sanitizeHtml(marked, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "head", "title", "template"],
  });
  return decodeEntities(stripped)
    .replace(LINK, (_whole, href: string, text: string) => (text.trim() === href ? text : `${text} [${href}]`))
    .replace(UNCLOSED_LINK, "")
    .replace(/[\uE000-\uE002]/g, "")
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((line) => line.replace(/[ \t]*\t[ \t]*/g, "\t").replace(/ {2,}/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const START = "\uE000";
const SEP = "\uE001";
const END = "\uE002";
/** A marked link whose text holds no other link marker (so the match never rescans). */
const LINK = /\uE000([^\uE000-\uE002]*)\uE001([^\uE000-\uE002]*)\uE002/g;
/** An <a> never closed: its address is dropped, its text stays. */
const UNCLOSED_LINK = /\uE000[^\uE000-\uE002]*\uE001/g;

/** sanitize-html re-escapes the text it keeps; plain text wants the characters back. */
function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}
