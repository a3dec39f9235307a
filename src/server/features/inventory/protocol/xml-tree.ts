import type { XmlRecord, XmlValue } from "./agent-xml.js";

/**
 * A strict reader for the XML the inventory agents write: elements, text, CDATA, comments and the
 * XML declaration; attributes are skipped (agents' requests carry none). It refuses what agents never
 * send — DOCTYPE, so no entity is ever declared, fetched or expanded — and anything not well formed:
 * unclosed or mismatched tags, text outside the root, a second root.
 *
 * Why not fast-xml-parser: on this 2-core machine it took ~50 ms, plus ~15 ms for its validator,
 * to read the OCS sample (330 KB); this reads it in ~2.5 ms into the same tree (xml-tree.test.ts
 * checks that on every fixture). A whole inventory request must fit in ~6.6 ms of CPU for 150/s.
 */

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = "XmlSyntaxError";
  }
}

/** Deep enough for any agent message (SNMP ports nest 6 levels); stops recursion bombs later on. */
const MAX_DEPTH = 64;

type Open = { name: string; children: XmlRecord | null; text: string };

const OPEN_TAG = /<([A-Za-z_][\w.\-:]*)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/y;
const CLOSE_TAG = /<\/([A-Za-z_][\w.\-:]*)\s*>/y;

export type XmlTreeOptions = {
  /** Turns the text between tags into a value (entity references). */
  decode: (text: string) => string;
  /** Lower-case element names while reading, cheaper than copying the tree afterwards. */
  lowerCaseNames?: boolean;
};

/** The document's root element, e.g. `{ REQUEST: { QUERY: "PROLOG", … } }`; a repeated element becomes an array. */
export function readXmlTree(xml: string, { decode, lowerCaseNames = false }: XmlTreeOptions): XmlRecord {
  const root: Open = { name: "", children: {}, text: "" };
  const stack: Open[] = [root];
  let pos = 0;
  let roots = 0;
  for (;;) {
    const lt = xml.indexOf("<", pos);
    const top = stack[stack.length - 1]!;
    // Text matters only in a leaf; between children it is indentation (and dropped), so not even sliced.
    if (top.children === null && lt !== pos) {
      top.text += decode(xml.slice(pos, lt < 0 ? xml.length : lt));
    } else if (top === root && xml.slice(pos, lt < 0 ? xml.length : lt).trim() !== "") {
      throw new XmlSyntaxError("text outside the root element", pos);
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      pos = skipPast(xml, lt, "?>");
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        pos = skipPast(xml, lt, "-->");
      } else if (xml.startsWith("<![CDATA[", lt) && top !== root) {
        const end = skipPast(xml, lt, "]]>");
        top.text += xml.slice(lt + 9, end - 3);
        pos = end;
      } else {
        throw new XmlSyntaxError("DOCTYPE and other declarations are not accepted", lt);
      }
    } else if (next === 0x2f /* / */) {
      // The usual case, "</NAME>" closing the open element, is compared in place; anything else goes through the pattern.
      const end = lt + 2 + top.name.length;
      if (top !== root && xml.charCodeAt(end) === 0x3e /* > */ && xml.startsWith(top.name, lt + 2)) {
        pos = end + 1;
      } else {
        CLOSE_TAG.lastIndex = lt;
        const match = CLOSE_TAG.exec(xml);
        if (!match) throw new XmlSyntaxError("malformed closing tag", lt);
        if (match[1] !== top.name) throw new XmlSyntaxError(`</${match[1]}> closes <${top.name || "nothing"}>`, lt);
        pos = CLOSE_TAG.lastIndex;
      }
      stack.pop();
      addChild(stack[stack.length - 1]!, lowerCaseNames ? lowerCase(top.name) : top.name, valueOf(top), lt);
    } else {
      const tag = openTagAt(xml, lt);
      if (top === root && ++roots > 1) throw new XmlSyntaxError("a second root element", lt);
      if (tag.isEmpty) addChild(top, lowerCaseNames ? lowerCase(tag.name) : tag.name, "", lt);
      else if (stack.length > MAX_DEPTH) throw new XmlSyntaxError("elements nested too deep", lt);
      else stack.push({ name: tag.name, children: null, text: "" });
      pos = tag.end;
    }
  }
  if (stack.length > 1) throw new XmlSyntaxError(`<${stack[stack.length - 1]!.name}> is never closed`, xml.length);
  if (roots === 0) throw new XmlSyntaxError("no root element", 0);
  return root.children!;
}

type OpenTag = { name: string; isEmpty: boolean; end: number };

/**
 * The tag opening at `lt`. Nearly every tag agents write is a bare `<NAME>` or `<NAME/>`, read in
 * place; one with attributes or spaces goes through the pattern, which says whether it is well formed.
 */
function openTagAt(xml: string, lt: number): OpenTag {
  let end = lt + 1;
  if (isNameStart(xml.charCodeAt(end))) while (isNameChar(xml.charCodeAt(++end)));
  const next = xml.charCodeAt(end);
  if (end > lt + 1 && next === 0x3e /* > */) return { name: xml.slice(lt + 1, end), isEmpty: false, end: end + 1 };
  if (end > lt + 1 && next === 0x2f /* / */ && xml.charCodeAt(end + 1) === 0x3e) return { name: xml.slice(lt + 1, end), isEmpty: true, end: end + 2 };
  OPEN_TAG.lastIndex = lt;
  const match = OPEN_TAG.exec(xml);
  if (!match) throw new XmlSyntaxError("malformed tag", lt);
  return { name: match[1]!, isEmpty: match[2] === "/", end: OPEN_TAG.lastIndex };
}

/** [A-Za-z_], as OPEN_TAG starts a name. */
function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
}

/** [\w.\-:], as OPEN_TAG goes on. */
function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d || code === 0x3a;
}

// Agents repeat a few hundred element names thousands of times: each is lower-cased once.
const lowerNames = new Map<string, string>();

function lowerCase(name: string): string {
  let lower = lowerNames.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (lowerNames.size < 10_000) lowerNames.set(name, lower);
  }
  return lower;
}

/** An element with children is a record (stray text between them is dropped); one without is its trimmed text. */
function valueOf(element: Open): XmlValue {
  return element.children ?? element.text.trim();
}

function addChild(parent: Open, name: string, value: XmlValue, offset: number): void {
  if (name === "__proto__") throw new XmlSyntaxError("reserved element name", offset);
  const children = (parent.children ??= {});
  // hasOwn: an element named "constructor" or "toString" is not the object's inherited member.
  const existing = Object.hasOwn(children, name) ? children[name] : undefined;
  if (existing === undefined) children[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else children[name] = [existing, value];
}

function skipPast(xml: string, from: number, terminator: string): number {
  const end = xml.indexOf(terminator, from);
  if (end < 0) throw new XmlSyntaxError(`unterminated ${xml.slice(from, from + 4)}`, from);
  return end + terminator.length;
}
