import zlib from "node:zlib";
import { InventoryProtocolError } from "./protocol-error.js";

/**
 * Agents compress their messages: OCS and Fusion send zlib (RFC 1950), Fusion falls back to gzip,
 * or plain XML with --no-compression; the GLPI agent does the same with JSON. The first bytes say
 * which, whatever the Content-Type claims (Fusion sniffs our replies the same way).
 */
export type BodyEncoding = "zlib" | "gzip" | "plain";

export type DecodedBody = { bytes: Buffer; encoding: BodyEncoding };

/** An OCS full inventory is ~330 KB of XML; 20 MB leaves room for huge machines and stops zip bombs. */
export const MAX_INFLATED_BYTES = 20 * 1024 * 1024;

/**
 * The XML or JSON bytes of a request body. Inflating stops as soon as the output passes `maxBytes`,
 * so a small body inflating to gigabytes costs milliseconds. It is synchronous on purpose: an OCS
 * full inventory inflates in ~1 ms, while the thread pool's round trips per 16 KB chunk cost several.
 * Throws InventoryProtocolError: BODY_EMPTY, BODY_CORRUPT (truncated or bad data),
 * BODY_TOO_LARGE, BODY_ENCODING_UNKNOWN.
 */
export function decodeBody(body: Buffer, contentType?: string, maxBytes: number = MAX_INFLATED_BYTES): DecodedBody {
  if (body.length === 0) throw new InventoryProtocolError("BODY_EMPTY", "The request body is empty");
  const encoding = sniffEncoding(body);
  if (!encoding) {
    if (claimsCompression(contentType)) {
      throw new InventoryProtocolError("BODY_CORRUPT", `The body is not the ${contentType} it claims to be`);
    }
    throw new InventoryProtocolError("BODY_ENCODING_UNKNOWN", "The body is neither zlib, gzip, XML nor JSON");
  }
  if (encoding === "plain") {
    if (body.length > maxBytes) throw tooLarge(maxBytes);
    return { bytes: body, encoding };
  }
  try {
    const options = { maxOutputLength: maxBytes, chunkSize: outputChunkSize(body.length) };
    const bytes = encoding === "zlib" ? zlib.inflateSync(body, options) : zlib.gunzipSync(body, options);
    return { bytes, encoding };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(maxBytes);
    throw new InventoryProtocolError("BODY_CORRUPT", `The ${encoding} body cannot be inflated: ${(error as Error).message}`);
  }
}

/**
 * Room for the usual inflated body in one piece: agents' XML compresses about 10:1, and zlib's
 * default 16 KB pieces, filled then joined, made an OCS inventory's inflate some 20% slower.
 */
function outputChunkSize(compressedBytes: number): number {
  return Math.min(Math.max(compressedBytes * 12, 64 * 1024), 1024 * 1024);
}

/** Compress a reply the way the request came: the OCS agent only reads zlib replies. */
export function encodeReply(reply: Buffer | string, like: BodyEncoding): Buffer {
  const bytes = typeof reply === "string" ? Buffer.from(reply, "utf8") : reply;
  if (like === "zlib") return zlib.deflateSync(bytes);
  if (like === "gzip") return zlib.gzipSync(bytes);
  return bytes;
}

/** The Content-Type to send with a reply encoded by `encodeReply`. */
export function replyContentType(like: BodyEncoding, format: "xml" | "json"): string {
  if (like === "zlib") return "application/x-compress-zlib";
  if (like === "gzip") return "application/x-compress-gzip";
  return format === "xml" ? "application/xml; charset=utf-8" : "application/json; charset=utf-8";
}

/** From the magic bytes: gzip 1F 8B; zlib CMF/FLG (deflate, header checksum); plain `<`, `{` or `[`. */
export function sniffEncoding(body: Buffer): BodyEncoding | null {
  const [b0 = 0, b1 = 0] = body;
  if (b0 === 0x1f && b1 === 0x8b) return "gzip";
  if ((b0 & 0x0f) === 8 && b0 >> 4 <= 7 && ((b0 << 8) | b1) % 31 === 0) return "zlib";
  const first = firstSignificantByte(body);
  if (first === 0x3c || first === 0x7b || first === 0x5b) return "plain";
  return null;
}

/** Skip a UTF-8 byte-order mark and leading white space. */
function firstSignificantByte(body: Buffer): number | undefined {
  let i = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  while (i < body.length && (body[i] === 0x20 || body[i] === 0x0a || body[i] === 0x0d || body[i] === 0x09)) i++;
  return body[i];
}

function claimsCompression(contentType: string | undefined): boolean {
  return /compress|zlib|gzip|deflate/i.test(contentType ?? "");
}

function tooLarge(maxBytes: number): InventoryProtocolError {
  return new InventoryProtocolError("BODY_TOO_LARGE", `The inflated body is larger than ${maxBytes} bytes`);
}
