/**
 * Highlighted snippets, computed here rather than by the database (FTS5 snippet(), PostgreSQL
 * ts_headline) so both dialects show the same thing, markup never leaks into them, and only
 * the few rows shown pay for it. The output is HTML whose only tag is <mark>: all the rest is
 * escaped text, so a document holding `<script>` comes back inert.
 */
import { type Term, fold } from "./query.js";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The text of stored HTML (ticket descriptions) or Markdown (articles): tags out, entities decoded, blanks collapsed. */
export function plainText(text: string): string {
  return text
    .replace(/<\/?[a-z][^>]*(>|$)/gi, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : " ";
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[#*_`]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

type Piece = { text: string; hit: boolean };

/** The text cut into words and what lies between them, each word marked when a term's prefix starts it. */
function pieces(text: string, terms: Term[]): Piece[] {
  const prefixes = terms.flatMap((t) => t.prefixes);
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const index = m.index ?? 0;
    if (index > last) out.push({ text: text.slice(last, index), hit: false });
    const folded = fold(m[0]);
    out.push({ text: m[0], hit: prefixes.some((p) => folded.startsWith(p)) });
    last = index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false });
  return out;
}

function render(parts: Piece[]): string {
  return parts.map((p) => (p.hit ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join("");
}

/** A short text (a title, a name) with its matching words marked. */
export function highlight(text: string, terms: Term[]): string {
  return render(pieces(text.normalize("NFC"), terms));
}

/** About `length` characters of a long text around its first match (its start when none), marked. */
export function snippet(text: string, terms: Term[], length = 180): string {
  const plain = plainText(text.slice(0, 100_000)).normalize("NFC");
  const parts = pieces(plain, terms);
  const first = parts.findIndex((p) => p.hit);
  // A few words of context before the first match.
  let start = first <= 0 ? 0 : Math.max(0, first - 8);
  while (start > 0 && start < first && parts.slice(start, first).reduce((n, p) => n + p.text.length, 0) > length / 3) start += 1;
  const chosen: Piece[] = [];
  let size = 0;
  for (let i = start; i < parts.length && size < length; i++) {
    chosen.push(parts[i] as Piece);
    size += (parts[i] as Piece).text.length;
  }
  const before = start > 0 ? "… " : "";
  const after = chosen.length < parts.length - start ? " …" : "";
  return `${before}${render(chosen).trim()}${after}`;
}
