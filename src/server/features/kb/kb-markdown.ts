import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/** One Markdown parser for the KB, GitHub-flavoured, with line breaks kept as written. */
const markdown = new Marked({ gfm: true, breaks: true, async: false });

/** Images only from Vigie's own attachments: an article cannot make readers' browsers call other sites. */
const ATTACHMENT_IMAGE = /^\/api\/attachments\/\d+(\/[\w.-]*)?(\?[\w=&.-]*)?$/;

/**
 * What an article may hold: text, headings, lists, tables, code blocks (their language class
 * kept for highlighting), links that open safely, and attachment images. Scripts, styles, event
 * handlers, frames and foreign protocols go.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "b", "strong", "i", "em", "u", "s", "del", "ul", "ol", "li", "a", "code", "pre", "blockquote", "kbd",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "img", "hr", "input"],
  allowedAttributes: {
    a: ["href", "title", "rel", "target"], img: ["src", "alt", "title"], code: ["class"], td: ["align"], th: ["align"],
    input: ["type", "checked", "disabled"], ol: ["start"],
  },
  allowedClasses: { code: [/^language-[\w+-]+$/] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer", target: "_blank" }) },
  exclusiveFilter: (frame) =>
    (frame.tag === "img" && !ATTACHMENT_IMAGE.test(frame.attribs.src ?? "")) ||
    (frame.tag === "input" && frame.attribs.type !== "checkbox"),
};

/** Markdown (which may embed HTML) to HTML safe to insert in a page. */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source) as string;
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Ticket text (sanitized rich text) as plain lines, for a Markdown draft. */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/(p|div|li|h\d|tr|blockquote|pre)>/gi, "\n");
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text).replace(/\n{3,}/g, "\n\n").trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&");
}
