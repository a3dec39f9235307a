/**
 * From what a person typed to what the full-text index reads. User text never reaches the
 * index's syntax: it is cut into words of letters and digits only (quotes, operators, emoji
 * and the like are separators), so no query can be malformed. Each word matches by prefix
 * (search as you type) through its own letters and through its French and English stems,
 * computed here with the Snowball stemmers: FTS5 has no French stemmer, and a stem that is a
 * prefix of the word ("imprim" for "imprimantes") makes "imprimante" and "imprimer" match too.
 */
import { stemmer as stemEn } from "@orama/stemmers/english";
import { stemmer as stemFr } from "@orama/stemmers/french";
import { SEARCH_QUERY_MAX } from "../../../shared/api/search.js";

export const MAX_TERMS = 12;

/** One word of the query: it matches a document word starting with any of `prefixes` (folded). */
export type Term = { word: string; prefixes: string[] };

// Words that carry no meaning in a search box; dropped unless the query has nothing else.
const STOP_WORDS = new Set(["le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "en", "au", "aux", "a", "d", "l", "j",
  "ne", "pas", "the", "an", "of", "and", "or", "to", "in", "on", "for", "is", "it", "my", "mon", "ma", "mes", "est", "sur", "par", "pour"]);

export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The words of a text: runs of letters and digits (accents kept, for the stemmers). */
export function words(text: string): string[] {
  return text.slice(0, SEARCH_QUERY_MAX * 10).normalize("NFC").toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => w !== "");
}

/** The shortest set of prefixes that covers the word and its stems (a stem under 3 letters is too loose). */
function prefixesOf(word: string): string[] {
  const folded = fold(word);
  const stems = [stemFr(word), stemEn(word)].map(fold).filter((s) => s.length >= 3 && /^[\p{L}\p{N}]+$/u.test(s));
  const all = [...new Set([folded, ...stems])].sort((a, b) => a.length - b.length);
  return all.filter((p, i) => !all.slice(0, i).some((shorter) => p.startsWith(shorter)));
}

/** The query's terms, at most MAX_TERMS, from the first SEARCH_QUERY_MAX characters. */
export function parseQuery(text: string, maxTerms = MAX_TERMS): Term[] {
  const all = [...new Set(words(text.slice(0, SEARCH_QUERY_MAX)))].filter((w) => fold(w) !== "");
  const meaningful = all.filter((w) => !STOP_WORDS.has(fold(w)));
  return (meaningful.length > 0 ? meaningful : all).slice(0, maxTerms).map((word) => ({ word: fold(word), prefixes: prefixesOf(word) }));
}

/**
 * Terms for "tickets like this one": the longer words of a title and description, any of which
 * may match (OR), so a long description still finds a ticket that shares a few of its words.
 */
export function parseLooseQuery(text: string, maxTerms = MAX_TERMS): Term[] {
  const meaningful = [...new Set(words(text))].filter((w) => fold(w).length >= 3 && !STOP_WORDS.has(fold(w)));
  return meaningful.slice(0, maxTerms).map((word) => ({ word: fold(word), prefixes: prefixesOf(word) }));
}

/** FTS5: `("imprim"*) AND ("bloqu"* OR "bloquee"*)`; each prefix is letters and digits only, quoted. */
export function ftsMatch(terms: Term[], mode: "all" | "any" = "all", opts: { stems: boolean } = { stems: true }): string {
  const groups = terms.map((t) => {
    const prefixes = opts.stems ? t.prefixes : [t.word];
    return `(${prefixes.map((p) => `"${p}"*`).join(" OR ")})`;
  });
  return groups.join(mode === "all" ? " AND " : " OR ");
}

/** A ticket number typed as "123" or "#123". */
export function ticketNumberOf(text: string): number | null {
  const m = /^\s*#?\s*(\d{1,9})\s*$/.exec(text);
  return m ? Number(m[1]) : null;
}
