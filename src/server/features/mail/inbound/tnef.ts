/**
 * Reads Outlook's winmail.dat (TNEF, application/ms-tnef): the files inside it and the message
 * body, which Outlook keeps as compressed RTF. The one npm TNEF package (node-tnef) gives neither
 * the long file names nor the body, copies every byte into a JS array and logs to stdout through
 * bunyan; the format is small and documented ([MS-OXTNEF], [MS-OXRTFCP]), so it is read here,
 * every read bounds-checked: a truncated or crafted file gives what could be read, never a crash.
 */
import { decodeCodepage, rtfToBody } from "./rtf-text.js";

export type TnefFile = { filename: string; contentType: string | null; contentId: string | null; content: Buffer };
export type TnefContent = { files: TnefFile[]; text: string | null; html: string | null };

const SIGNATURE = 0x223e9f78;
const LEVEL_ATTACHMENT = 2;
const ATT_BODY = 0x800c;
const ATT_ATTACH_DATA = 0x800f;
const ATT_ATTACH_TITLE = 0x8010;
const ATT_ATTACH_REND_DATA = 0x9002;
const ATT_MSG_PROPS = 0x9003;
const ATT_ATTACHMENT = 0x9005;
const ATT_OEM_CODEPAGE = 0x9007;

const PR_BODY = 0x1000;
const PR_RTF_COMPRESSED = 0x1009;
const PR_BODY_HTML = 0x1013;
const PR_INTERNET_CPID = 0x3fde;
const PR_ATTACH_LONG_FILENAME = 0x3707;
const PR_ATTACH_MIME_TAG = 0x370e;
const PR_ATTACH_CONTENT_ID = 0x3712;

/** Whether a MIME part is a TNEF envelope (Outlook names it winmail.dat, sometimes win.dat). */
export function isTnef(contentType: string, filename: string | null): boolean {
  return /^application\/(vnd\.)?ms-tnef$/i.test(contentType) || /^win(mail)?\.dat$/i.test(filename ?? "");
}

type Prop = { id: number; type: number; value: Buffer | number };

/** The content of a TNEF stream, or null when it does not start with the TNEF signature. */
export function readTnef(data: Buffer): TnefContent | null {
  if (data.length < 6 || data.readUInt32LE(0) !== SIGNATURE) return null;
  const files: (Partial<TnefFile> & { shortName?: string })[] = [];
  let messageProps: Prop[] = [];
  let bodyText: Buffer | null = null;
  let codepage = 1252;
  let offset = 6;
  while (offset + 9 <= data.length) {
    const level = data.readUInt8(offset);
    const name = data.readUInt16LE(offset + 1);
    const length = data.readUInt32LE(offset + 5);
    const start = offset + 9;
    if (start + length > data.length) break; // truncated: keep what was read
    const value = data.subarray(start, start + length);
    offset = start + length + 2; // + checksum
    const file = files[files.length - 1];
    if (name === ATT_ATTACH_REND_DATA) files.push({});
    else if (level === LEVEL_ATTACHMENT && file && name === ATT_ATTACH_TITLE) file.shortName = cString(value, "latin1");
    else if (level === LEVEL_ATTACHMENT && file && name === ATT_ATTACH_DATA) file.content = value;
    else if (level === LEVEL_ATTACHMENT && file && name === ATT_ATTACHMENT) applyAttachmentProps(file, readProps(value));
    else if (name === ATT_MSG_PROPS) messageProps = readProps(value);
    else if (name === ATT_BODY) bodyText = value;
    else if (name === ATT_OEM_CODEPAGE && length >= 4) codepage = value.readUInt32LE(0) || codepage;
  }
  const cpid = messageProps.find((p) => p.id === PR_INTERNET_CPID)?.value;
  if (typeof cpid === "number" && cpid > 0) codepage = cpid;
  return {
    files: files.flatMap((f) => f.content ? [{ filename: f.filename || f.shortName || "attachment.bin", contentType: f.contentType ?? null,
      contentId: f.contentId ?? null, content: f.content }] : []),
    ...messageBody(messageProps, bodyText, codepage),
  };
}

function applyAttachmentProps(file: Partial<TnefFile>, props: Prop[]): void {
  const text = (id: number) => {
    const prop = props.find((p) => p.id === id);
    return prop && Buffer.isBuffer(prop.value) ? propString(prop, 1252) : undefined;
  };
  file.filename = text(PR_ATTACH_LONG_FILENAME) || undefined;
  file.contentType = text(PR_ATTACH_MIME_TAG) || null;
  file.contentId = text(PR_ATTACH_CONTENT_ID)?.replace(/^<|>$/g, "") || null;
}

/** HTML when Outlook kept it, else plain text, else the compressed RTF made readable. */
function messageBody(props: Prop[], attBody: Buffer | null, codepage: number): { text: string | null; html: string | null } {
  const find = (id: number) => props.find((p) => p.id === id && Buffer.isBuffer(p.value));
  const html = find(PR_BODY_HTML);
  if (html) return { text: null, html: propString(html, codepage) };
  const body = find(PR_BODY);
  if (body) return { text: propString(body, codepage), html: null };
  const rtf = find(PR_RTF_COMPRESSED);
  if (rtf) {
    const decoded = rtfToBody(decompressRtf(rtf.value as Buffer));
    if (decoded) return decoded;
  }
  return { text: attBody ? cString(attBody, "latin1") : null, html: null };
}

const FIXED_SIZES: Record<number, number> = { 0x1: 4, 0x2: 4, 0x3: 4, 0x4: 4, 0x5: 8, 0x6: 8, 0x7: 8, 0xa: 4, 0xb: 4, 0x14: 8, 0x40: 8, 0x48: 16 };
const VARIABLE = new Set([0x1e, 0x1f, 0x102, 0xd]);
const MULTI = 0x1000;
const pad4 = (n: number) => (n + 3) & ~3;

/** A MAPI property list ([MS-OXTNEF] 2.1.3.5); stops at the first property it cannot size. */
function readProps(data: Buffer): Prop[] {
  const props: Prop[] = [];
  if (data.length < 4) return props;
  const count = data.readUInt32LE(0);
  let at = 4;
  try {
    for (let i = 0; i < count && at + 4 <= data.length; i++) {
      const type = data.readUInt16LE(at);
      const id = data.readUInt16LE(at + 2);
      at += 4;
      if (id >= 0x8000) at = skipPropName(data, at);
      const base = type & ~MULTI;
      let values = 1;
      if ((type & MULTI) !== 0 || VARIABLE.has(base)) {
        values = data.readUInt32LE(at);
        at += 4;
      }
      for (let v = 0; v < values; v++) {
        if (VARIABLE.has(base)) {
          const length = data.readUInt32LE(at);
          if (at + 4 + length > data.length) return props;
          if (v === 0) props.push({ id, type: base, value: data.subarray(at + 4, at + 4 + length) });
          at += 4 + pad4(length);
        } else {
          const size = FIXED_SIZES[base];
          // An unknown type cannot be stepped over; a count past the end is a damaged list.
          if (size === undefined || at + size > data.length) return props;
          if (v === 0 && size === 4) props.push({ id, type: base, value: data.readUInt32LE(at) });
          at += size;
        }
      }
    }
  } catch {
    // A read past the end (RangeError): the properties read so far stand.
  }
  return props;
}

/** Named properties carry a GUID and a number or a name before their value. */
function skipPropName(data: Buffer, at: number): number {
  const kind = data.readUInt32LE(at + 16);
  if (kind === 0) return at + 24;
  const length = data.readUInt32LE(at + 20);
  return at + 24 + pad4(length);
}

function propString(prop: Prop, codepage: number): string {
  const bytes = prop.value as Buffer;
  if (prop.type === 0x1f) return bytes.toString("utf16le").replace(/\0+$/, "");
  return decodeCodepage(bytes, codepage).replace(/\0+$/, "");
}

function cString(bytes: Buffer, encoding: BufferEncoding): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end < 0 ? bytes.length : end).toString(encoding);
}

/** [MS-OXRTFCP] 2.1.3.1: the dictionary every compressed RTF starts with. */
const RTF_PREBUF = Buffer.from("{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor "
  + "MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx", "latin1");
const MAX_RTF_BYTES = 10 * 1024 * 1024;

/** Compressed RTF (LZFu) back to RTF; "MELA" marks RTF stored uncompressed. */
export function decompressRtf(data: Buffer): Buffer {
  if (data.length < 16) return Buffer.alloc(0);
  const rawSize = Math.min(data.readUInt32LE(4), MAX_RTF_BYTES);
  const magic = data.readUInt32LE(8);
  if (magic === 0x414c454d) return data.subarray(16, 16 + rawSize);
  if (magic !== 0x75465a4c) return Buffer.alloc(0);
  const dict = Buffer.alloc(4096);
  RTF_PREBUF.copy(dict);
  let write = RTF_PREBUF.length;
  const out = Buffer.alloc(rawSize);
  let length = 0;
  let at = 16;
  while (at < data.length && length < rawSize) {
    const flags = data[at++]!;
    for (let bit = 0; bit < 8 && at < data.length && length < rawSize; bit++) {
      if ((flags & (1 << bit)) === 0) {
        out[length++] = dict[write++ % 4096] = data[at++]!;
        continue;
      }
      if (at + 1 >= data.length) return out.subarray(0, length);
      const ref = (data[at]! << 8) | data[at + 1]!;
      at += 2;
      const from = ref >> 4;
      if (from === write % 4096) return out.subarray(0, length); // the end marker
      for (let k = 0; k < (ref & 0xf) + 2 && length < rawSize; k++) out[length++] = dict[write++ % 4096] = dict[(from + k) % 4096]!;
    }
  }
  return out.subarray(0, length);
}
