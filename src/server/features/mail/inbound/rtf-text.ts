/**
 * The readable content of the RTF body Outlook puts in winmail.dat: plain text from native RTF,
 * or the HTML back from RTF that encapsulates it (\fromhtml1: the HTML tags sit in
 * {\*\htmltag …} groups and the RTF-only parts between \htmlrtf and \htmlrtf0). Layout, fonts
 * and pictures are dropped: a ticket needs the words.
 */

/** Groups that hold no text of the message (tables of fonts, colours, styles; pictures; metadata). */
const SKIPPED = new Set([
  "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "footer", "headerl", "headerr", "footerl", "footerr",
  "listtable", "listoverridetable", "rsidtbl", "generator", "themedata", "colorschememapping", "datastore", "latentstyles",
  "xmlnstbl", "mmathPr", "pgdsctbl", "filetbl", "revtbl", "fldinst",
]);

type State = { skip: boolean; htmltag: boolean };

export function rtfToBody(rtf: Buffer): { text: string | null; html: string | null } | null {
  if (rtf.length === 0) return null;
  const source = rtf.toString("latin1").replace(/\0/g, "");
  if (!source.startsWith("{\\rtf")) return null;
  const html = /\\fromhtml1/.test(source.slice(0, 2000));
  const codepage = Number(/\\ansicpg(\d+)/.exec(source.slice(0, 2000))?.[1] ?? 1252);
  const body = readRtf(source, html, codepage);
  if (html) return { text: null, html: body };
  const text = body.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
  return { text, html: null };
}

function readRtf(source: string, html: boolean, codepage: number): string {
  let out = "";
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length) out += decodeCodepage(Buffer.from(bytes), codepage);
    bytes = [];
  };
  const emit = (text: string) => { flush(); out += text; };
  const stack: State[] = [];
  let state: State = { skip: false, htmltag: false };
  let htmlrtf = false;
  let skipNext = 0; // characters standing in for a \u character, for readers without Unicode
  const visible = () => !state.skip && (!html || state.htmltag || !htmlrtf);
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "{") { stack.push(state); state = { ...state }; continue; }
    if (c === "}") { state = stack.pop() ?? state; continue; }
    if (c === "\r" || c === "\n") continue;
    if (c !== "\\") {
      if (skipNext > 0) skipNext--;
      else if (visible()) emit(c);
      continue;
    }
    const next = source[i + 1] ?? "";
    if (next === "\\" || next === "{" || next === "}") {
      if (visible()) emit(next);
      i++;
      continue;
    }
    if (next === "'") {
      const byte = parseInt(source.slice(i + 2, i + 4), 16);
      i += 3;
      if (skipNext > 0) skipNext--;
      else if (visible() && !Number.isNaN(byte)) bytes.push(byte);
      continue;
    }
    if (next === "*") {
      const word = /^\\\*\\([a-zA-Z]+)/.exec(source.slice(i, i + 40))?.[1];
      if (word === "htmltag" && html) state.htmltag = true;
      else state.skip = true;
      i++;
      continue;
    }
    const match = /^\\([a-zA-Z]+)(-?\d+)? ?/.exec(source.slice(i, i + 40));
    if (!match) { i++; continue; }
    i += match[0].length - 1;
    const [, word, param] = match;
    if (SKIPPED.has(word!)) state.skip = true;
    else if (word === "htmlrtf") htmlrtf = param !== "0";
    else if (word === "u" && visible()) { emit(String.fromCharCode((Number(param) + 65536) % 65536)); skipNext = 1; }
    else if ((word === "par" || word === "line") && visible()) emit(html ? "\r\n" : "\n");
    else if (word === "tab" && visible()) emit("\t");
  }
  flush();
  return out;
}

/** Bytes in a Windows code page (the RTF's \ansicpg, the TNEF's PR_INTERNET_CPID); Windows-1252 when unknown. */
export function decodeCodepage(bytes: Buffer, codepage: number): string {
  const label = codepage === 65001 ? "utf-8" : codepage === 28591 ? "iso-8859-1" : `windows-${codepage}`;
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
