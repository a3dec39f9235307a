/**
 * What a received file really is, decided from its bytes (file-type reads the magic numbers
 * and looks inside zip containers), never from the name or the browser's Content-Type.
 * Only an allow-list gets through; SVG, HTML, scripts and executables are refused.
 */
import { fileTypeFromFile } from "file-type";
import { INLINE_IMAGE_TYPES } from "../../../shared/api/attachments.js";
import { AppError } from "../../http/errors.js";
import { fileContains, readHead, scanChunks } from "./file-store.js";

export type FileKind = { contentType: string; fileName: string; isImage: boolean };

/** Detected MIME type → the type we store and the extensions that fit it (the first is added when the name has none of them). */
const BINARY_TYPES: Record<string, { contentType: string; extensions: string[] }> = {
  "image/png": { contentType: "image/png", extensions: ["png"] },
  "image/apng": { contentType: "image/png", extensions: ["png", "apng"] },
  "image/jpeg": { contentType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  "image/gif": { contentType: "image/gif", extensions: ["gif"] },
  "image/webp": { contentType: "image/webp", extensions: ["webp"] },
  "application/pdf": { contentType: "application/pdf", extensions: ["pdf"] },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extensions: ["pptx"] },
  "application/vnd.oasis.opendocument.text": { contentType: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  "application/vnd.oasis.opendocument.spreadsheet": { contentType: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"] },
  "application/zip": { contentType: "application/zip", extensions: ["zip"] },
  "application/x-7z-compressed": { contentType: "application/x-7z-compressed", extensions: ["7z"] },
};

/**
 * Old Office files and Outlook messages share one container (MS-CFB), as do .msi installers:
 * the name says which it claims to be, and a stream of that name inside must prove it.
 */
const CFB_TYPES: Record<string, { contentType: string; streams: string[] }> = {
  doc: { contentType: "application/msword", streams: ["WordDocument"] },
  xls: { contentType: "application/vnd.ms-excel", streams: ["Workbook", "Book"] },
  msg: { contentType: "application/vnd.ms-outlook", streams: ["__substg1.0_"] },
};

/** Text has no magic number: the extension picks the type, the content must be plain UTF-8. */
const TEXT_TYPES: Record<string, string> = {
  txt: "text/plain; charset=utf-8",
  log: "text/plain; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  eml: "message/rfc822",
};

/** What a browser would take for a page or an image with scripts, or a shell for a script. */
const ACTIVE_START = /^(?:<[a-z!?/]|#!)/i;
const ACTIVE_TAG = /<(?:script|html|svg|iframe|object|embed|body|head|meta|link|style|xml|\?xml)[\s>/]/i;
const SNIFF_BYTES = 1024;

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

function refuse(fileName: string, why: string): AppError {
  return new AppError("FILE_TYPE_REFUSED", `${fileName}: ${why}`);
}

/** A name whose extension matches the content: "capture" → "capture.png", "photo.exe" → "photo.exe.png". */
function fittingName(fileName: string, extensions: string[]): string {
  return extensions.includes(extensionOf(fileName)) ? fileName : `${fileName}.${extensions[0] as string}`;
}

/** Decides the stored type of the file at `filePath`, or throws FILE_TYPE_REFUSED. */
export async function classifyFile(filePath: string, fileName: string): Promise<FileKind> {
  const detected = await fileTypeFromFile(filePath);
  if (detected?.mime === "application/x-cfb") return classifyCompoundFile(filePath, fileName);
  if (detected) {
    const allowed = BINARY_TYPES[detected.mime];
    if (!allowed) throw refuse(fileName, `${detected.mime} is not accepted`);
    const isImage = (INLINE_IMAGE_TYPES as readonly string[]).includes(allowed.contentType);
    return { contentType: allowed.contentType, fileName: fittingName(fileName, allowed.extensions), isImage };
  }
  return classifyText(filePath, fileName);
}

async function classifyCompoundFile(filePath: string, fileName: string): Promise<FileKind> {
  const claimed = CFB_TYPES[extensionOf(fileName)];
  if (!claimed) throw refuse(fileName, "a compound file that is not a .doc, .xls or .msg");
  const names = claimed.streams.map((name) => Buffer.from(name, "utf16le"));
  if (!(await fileContains(filePath, names))) throw refuse(fileName, "its content does not match its extension");
  return { contentType: claimed.contentType, fileName, isImage: false };
}

async function classifyText(filePath: string, fileName: string): Promise<FileKind> {
  const contentType = TEXT_TYPES[extensionOf(fileName)];
  if (!contentType) throw refuse(fileName, "unknown content");
  const head = (await readHead(filePath, SNIFF_BYTES)).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (ACTIVE_START.test(head) || ACTIVE_TAG.test(head)) throw refuse(fileName, "looks like HTML, SVG or a script");
  if (!(await isPlainUtf8(filePath))) throw refuse(fileName, "not UTF-8 text");
  return { contentType, fileName, isImage: false };
}

/** Valid UTF-8 from start to end and no NUL byte: the whole file is read, a chunk at a time. */
async function isPlainUtf8(filePath: string): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    const clean = await scanChunks(filePath, (chunk) => {
      decoder.decode(chunk, { stream: true });
      return !chunk.includes(0);
    });
    decoder.decode();
    return clean;
  } catch {
    return false;
  }
}
