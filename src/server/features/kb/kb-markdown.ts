import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/** One Markdown parser for the KB, GitHub-flavoured, with line breaks kept as written. */
const markdown = new Marked({ gfm: true, breaks: true, async: false });

/**
 * Images only from Vigie's own files (a ticket's attachments, a KB article's files): an article
 * cannot make readers' browsers call other sites.
 */
const ATTACHMENT_IMAGE = /^\/api\/attachments\/\d+(\/[\w.-]*)?(\?[\w=&.-]*)?$/;
const KB_FILE_IMAGE = /^\/api\/kb\/files\/(\d+)(\?inline=1)?$/;

/** Stands for an image whose file was deleted (a restored revision may still show it); the web app labels it. */
export const MISSING_FILE_CLASS = "kb-file-missing";

/**
 * What an article may hold: text, headings, lists, tables, code blocks (their language class
 * kept for highlighting), links that open safely, and attachment images. Scripts, styles, event
 * handlers, frames and foreign protocols go. `files`, when given, are the article's file ids: an
 * image of any other KB file becomes a placeholder holding its description.
 */
function sanitizeOptions(files?: ReadonlySet<number>): sanitizeHtml.IOptions {
  // The filter below still sees a placeholder as an img (without src): these are ours, not an author's.
  const placeholders = new WeakSet<object>();
  return {
    allowedTags: ["p", "br", "b", "strong", "i", "em", "u", "s", "del", "ul", "ol", "li", "a", "code", "pre", "blockquote", "kbd",
      "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "img", "hr", "input", "span"],
    allowedAttributes: {
      a: ["href", "title", "rel", "target"], img: ["src", "alt", "title"], code: ["class"], td: ["align"], th: ["align"],
      input: ["type", "checked", "disabled"], ol: ["start"], span: ["class"],
    },
    allowedClasses: { code: [/^language-[\w+-]+$/], span: [MISSING_FILE_CLASS] },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    transformTags: {
      a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer", target: "_blank" }),
      img: (tagName, attribs) => {
        const fileId = KB_FILE_IMAGE.exec(attribs.src ?? "")?.[1];
        if (!files || fileId === undefined || files.has(Number(fileId))) return { tagName, attribs };
        const placeholder = { class: MISSING_FILE_CLASS };
        placeholders.add(placeholder);
        return { tagName: "span", attribs: placeholder, text: attribs.alt ?? "" };
      },
    },
    exclusiveFilter: (frame) =>
      (frame.tag === "img" && !placeholders.has(frame.attribs)
        && !ATTACHMENT_IMAGE.test(frame.attribs.src ?? "") && !KB_FILE_IMAGE.test(frame.attribs.src ?? "")) ||
      (frame.tag === "input" && frame.attribs.type !== "checkbox"),
  };
}

const ANY_FILE = sanitizeOptions();

/** Markdown (which may embed HTML) to HTML safe to insert in a page; `files`: see sanitizeOptions. */
export function renderMarkdown(source: string, files?: ReadonlySet<number>): string {
  const html = markdown.parse(source) as string;
  return sanitizeHtml(html, files ? sanitizeOptions(files) : ANY_FILE).trim();
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
