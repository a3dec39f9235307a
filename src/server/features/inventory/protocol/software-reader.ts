import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import { type XmlRecord, type XmlValue, decodeReferences, isLatinDocument } from "./agent-xml.js";
import { CLOSE, OPEN, type SoftwareSpan, isSpace } from "./software-span.js";

/**
 * A quick reader for the run of <SOFTWARES> elements cut out of an XML inventory (software-span.ts):
 * reading them through the generic tree (xml-tree.ts) was a quarter of a first inventory's cost.
 *
 * It reads only what agents write there — `<TAG>text</TAG>` and `<TAG/>` children, white space
 * between them, `&amp;` and character references — and gives up on anything else (a comment,
 * CDATA, an attribute, a nested element, a mismatched tag…): the caller then reads the span with
 * the generic reader, which also says what is wrong with it. What it gives is what the generic
 * reader gives `softwares` (software-reader.test.ts compares the two).
 *
 * A fleet sends the same elements over and over, byte for byte, and machines installed alike the
 * same whole list: both are looked up in memos before anything is read, and what they hold is shared
 * (frozen) by every inventory that lists it. Only what is read a second time is kept, so a machine's
 * own elements (dated by its installations) do not churn the memo.
 */

/** About 20 MB when full: a fleet's distinct elements, unless every machine dates its own installations. */
const MEMO_LIMIT = 20_000;
/** Hashes of the elements read once and not kept (yet): about 250 machines' worth, a few MB. */
const SEEN_LIMIT = 200_000;
/** Elements alike in their sampled bytes, told apart by a comparison of all their bytes. */
const BUCKET_LIMIT = 4;

type Known = { bytes: Buffer; record: XmlRecord };
type Memo = { buckets: Map<number, Known[]>; size: number; seen: Set<number> };
// By encoding: the same bytes are other characters in a Latin-1 document.
const memos = { utf8: newMemo(), latin: newMemo() };

function newMemo(): Memo {
  return { buckets: new Map(), size: 0, seen: new Set() };
}

/**
 * Whole lists by the span's hash (SHA-256): machines installed alike send the very same list. A list
 * holds its records (800 or so): tens of MB if no two of these lists shared any, much less in a fleet.
 */
const LIST_LIMIT = 100;
const lists = new Map<string, XmlValue>();
const seenLists = new Set<string>();

/**
 * The `softwares` value of a span cut by cutSoftwareSpan (a record, or an array when there are
 * several), or undefined to read it the generic way.
 */
export function readSoftwareSpan(cut: SoftwareSpan, document: Buffer): XmlValue | undefined {
  const reading = readingOf(cut.span, document);
  // SHA-256, not the span's quick hash: a list crafted to collide must not stand for another machine's.
  const listKey = `${reading.encoding}:${createHash("sha256").update(cut.span).digest("base64url")}`;
  const known = lists.get(listKey);
  if (known) return known;
  const software = readElements(reading, cut);
  if (software !== undefined) rememberList(listKey, software);
  return software;
}

function readElements(reading: Reading, { span, ends }: SoftwareSpan): XmlValue | undefined {
  // Another element between two: the generic reader takes the span (software-list.ts).
  if (!ends) return undefined;
  const elements: XmlRecord[] = [];
  let start = OPEN.length;
  for (const end of ends) {
    const record = recordAt(reading, span, start, end);
    if (!record) return undefined;
    elements.push(record);
    let next = end + CLOSE.length;
    while (next < span.length && isSpace(span[next] as number)) next++;
    start = next + OPEN.length;
  }
  if (elements.length === 0) return undefined;
  return elements.length === 1 ? elements[0] : elements;
}

/** Kept the second time it is read, like an element; frozen, as every inventory that lists it shares it. */
function rememberList(listKey: string, software: XmlValue): void {
  if (!seenLists.has(listKey)) {
    if (seenLists.size >= LIST_LIMIT * 10) seenLists.clear();
    seenLists.add(listKey);
    return;
  }
  if (lists.size >= LIST_LIMIT) lists.clear();
  if (Array.isArray(software)) software.forEach((record) => freeze(record as XmlRecord));
  else freeze(software as XmlRecord);
  Object.freeze(software);
  lists.set(listKey, software);
}

type Reading = { encoding: "latin" | "utf8"; memo: Memo; decode: (bytes: Buffer, start: number, end: number) => string };

/**
 * Element by element, so that a memoised text is a string of its own and does not hold the whole
 * request in memory. ASCII reads alike in every encoding; otherwise the document's declared one,
 * as agent-xml.ts decodes it (a byte-order mark is kept: it is not at the start of the document).
 */
function readingOf(span: Buffer, document: Buffer): Reading {
  const encoding = isLatinDocument(document) ? "latin" : "utf8";
  const memo = memos[encoding];
  if (isAscii(span)) return { encoding, memo, decode: (bytes, start, end) => bytes.toString("latin1", start, end) };
  const decoder = new TextDecoder(encoding === "latin" ? "windows-1252" : "utf-8", { ignoreBOM: true });
  return { encoding, memo, decode: (bytes, start, end) => decoder.decode(bytes.subarray(start, end)) };
}

/** The element's record: the memo's when these very bytes were read before. */
function recordAt({ memo, decode }: Reading, span: Buffer, start: number, end: number): XmlRecord | undefined {
  const sample = hashOf(span, start, end, 4);
  const bucket = memo.buckets.get(sample);
  const length = end - start;
  if (bucket) {
    for (const known of bucket) {
      if (known.bytes.length === length && span.compare(known.bytes, 0, length, start, end) === 0) return known.record;
    }
  }
  const record = readChildren(decode(span, start, end));
  if (!record) return undefined;
  if (isSeenBefore(memo, span, start, end)) remember(memo, sample, { bytes: Buffer.from(span.subarray(start, end)), record: freeze(record) });
  return record;
}

/**
 * Whether these bytes were read not long ago: an element is kept the second time only, for one that
 * a single machine lists (its own install date) would cost more to keep, and to collect later, than
 * to read. Told by a hash of all its bytes, which only a miss pays for.
 */
function isSeenBefore(memo: Memo, bytes: Buffer, start: number, end: number): boolean {
  const hash = hashOf(bytes, start, end, 1);
  if (memo.seen.has(hash)) return true;
  if (memo.seen.size >= SEEN_LIMIT) memo.seen.clear();
  memo.seen.add(hash);
  return false;
}

function remember(memo: Memo, sample: number, known: Known): void {
  if (memo.size >= MEMO_LIMIT) {
    memo.buckets.clear();
    memo.size = 0;
  }
  const bucket = memo.buckets.get(sample);
  if (!bucket) memo.buckets.set(sample, [known]);
  else if (bucket.length < BUCKET_LIMIT) bucket.push(known);
  // A full bucket gives up one of its elements, each in turn.
  else bucket[memo.size % BUCKET_LIMIT] = known;
  memo.size++;
}

/**
 * FNV-1a of the length and every `step`th byte. The memo samples every fourth byte: hashing the
 * whole text, as a Map keyed by it does, cost more than reading it; elements the sample does not
 * tell apart share a bucket.
 */
function hashOf(bytes: Buffer, start: number, end: number, step: number): number {
  let hash = end - start;
  for (let i = start; i < end; i += step) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  // A small integer: the cheapest Map key.
  return hash & 0x3fffffff;
}

const NAME = /^[A-Za-z_][\w.\-:]*$/;
// Agents use a few dozen child names: each is checked and lower-cased once.
const lowerNames = new Map<string, string>();

/** The lower-case name, or undefined when the generic reader would not take it for an element's name. */
function lowerNameOf(name: string): string | undefined {
  let lower = lowerNames.get(name);
  if (lower === undefined && NAME.test(name) && name.length < 100) {
    lower = name.toLowerCase();
    if (lowerNames.size < 1_000) lowerNames.set(name, lower);
  }
  return lower;
}

/** The element's children as the generic reader makes them, or undefined when it has none or anything unusual. */
function readChildren(text: string): XmlRecord | undefined {
  const record: XmlRecord = {};
  let pos = skipSpaces(text, 0);
  if (pos === text.length) return undefined;
  while (pos < text.length) {
    if (text.charCodeAt(pos) !== 0x3c /* < */) return undefined;
    const gt = text.indexOf(">", pos);
    if (gt < 0) return undefined;
    const isEmpty = text.charCodeAt(gt - 1) === 0x2f; /* <TAG/> */
    const name = text.slice(pos + 1, isEmpty ? gt - 1 : gt);
    const lowerName = lowerNameOf(name);
    if (lowerName === undefined) return undefined;
    let value = "";
    pos = gt + 1;
    if (!isEmpty) {
      const lt = text.indexOf("<", pos);
      if (lt < 0 || !isClosing(text, lt, name)) return undefined;
      const raw = text.slice(pos, lt);
      value = (raw.includes("&") ? decodeReferences(raw) : raw).trim();
      pos = lt + name.length + 3;
    }
    if (!addChild(record, lowerName, value)) return undefined;
    pos = skipSpaces(text, pos);
  }
  return record;
}

function isClosing(text: string, lt: number, name: string): boolean {
  return text.charCodeAt(lt + 1) === 0x2f /* / */ && text.startsWith(name, lt + 2) && text.charCodeAt(lt + 2 + name.length) === 0x3e /* > */;
}

/** A repeated child becomes an array, as in xml-tree.ts; false for the name the generic reader refuses. */
function addChild(record: XmlRecord, name: string, value: string): boolean {
  if (name === "__proto__") return false;
  // A child is a string or an array; a function is inherited ("constructor"), not a child.
  const existing = record[name];
  if (existing === undefined || typeof existing === "function") record[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else record[name] = [existing, value];
  return true;
}

/** Shared by every inventory that lists the element: nothing may change it. */
function freeze(record: XmlRecord): XmlRecord {
  for (const value of Object.values(record)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(record);
}

function skipSpaces(text: string, pos: number): number {
  while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
  return pos;
}
