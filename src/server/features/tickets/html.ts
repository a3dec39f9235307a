import sanitizeHtml from "sanitize-html";

/**
 * Rich text from editors and mail clients, reduced to what a ticket needs. Scripts, styles,
 * event handlers and foreign protocols go; links open safely.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "b", "strong", "i", "em", "u", "s", "ul", "ol", "li", "a", "code", "pre", "blockquote",
    "h1", "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "img", "span", "div", "hr"],
  allowedAttributes: { a: ["href", "title", "rel", "target"], img: ["src", "alt", "width", "height"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["https", "data"] },
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer", target: "_blank" }) },
};

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
