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
 * The XML or JSON bytes of a request body, in a buffer of their own. Inflating stops as soon as the
 * output passes `maxBytes`, so a small body inflating to gigabytes costs milliseconds. It is
 * synchronous on purpose: an OCS full inventory inflates in ~0.2 ms, while the thread pool's round
 * trips per 16 KB chunk cost several.
 * Throws InventoryProtocolError: BODY_EMPTY, BODY_CORRUPT (truncated or bad data),
 * BODY_TOO_LARGE, BODY_ENCODING_UNKNOWN.
 */
export function decodeBody(body: Buffer, contentType?: string, maxBytes: number = MAX_INFLATED_BYTES): DecodedBody {
  const decoded = decodeBodyTransient(body, contentType, maxBytes);
  return { bytes: decoded.keep(), encoding: decoded.encoding };
}

/**
 * decodeBody into a buffer that the next call overwrites: the caller reads the bytes before it
 * awaits anything, or `keep()`s them. An unchanged daily inventory then allocates nothing for its
 * 330 KB of XML: a new buffer per request made V8 collect its whole heap every hundred inventories
 * (it counts such buffers as external memory), a third of the server's CPU.
 */
export function decodeBodyTransient(body: Buffer, contentType?: string, maxBytes: number = MAX_INFLATED_BYTES): DecodedBody & { keep: () => Buffer } {
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
    return { bytes: body, encoding, keep: () => body };
  }
  const inPlace = inflateInPlace(body, encoding, maxBytes);
  if (!inPlace) {
    // Anything unusual (an error, a body larger than the buffer): inflated the usual way, which says what is wrong.
    const bytes = inflate(body, encoding, maxBytes);
    return { bytes, encoding, keep: () => bytes };
  }
  const inflation = inflations;
  // A copy at its size (zlib's own buffer is sized for the worst case), inflated anew once the buffer was reused.
  return { bytes: inPlace, encoding, keep: () => (inflation === inflations ? Buffer.from(inPlace) : decodeBody(body, contentType, maxBytes).bytes) };
}

function inflate(body: Buffer, encoding: "zlib" | "gzip", maxBytes: number): Buffer {
  try {
    const options = { maxOutputLength: maxBytes, chunkSize: outputChunkSize(body.length) };
    return encoding === "zlib" ? zlib.inflateSync(body, options) : zlib.gunzipSync(body, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(maxBytes);
    throw new InventoryProtocolError("BODY_CORRUPT", `The ${encoding} body cannot be inflated: ${(error as Error).message}`);
  }
}

/**
 * What zlib.inflateSync does inside (node:zlib's processChunkSync), on an engine and a buffer kept
 * between calls. Node offers no public way to inflate into a given buffer; where these internals
 * are missing (another Node), bodies are inflated the usual way.
 */
type ZlibEngine = zlib.Inflate & {
  _handle?: { writeSync(flush: number, input: Buffer, inOffset: number, inLength: number, out: Buffer, outOffset: number, outLength: number): void } | null;
  _writeState?: Uint32Array;
};

const engines: Partial<Record<"zlib" | "gzip", ZlibEngine>> = {};
let scratch = Buffer.alloc(0);
/** How many times `scratch` was written: tells whether it still holds a body's bytes. */
let inflations = 0;

/** False once this Node turned out not to have those internals. */
let inPlaceWorks = true;

function engineFor(encoding: "zlib" | "gzip"): ZlibEngine | undefined {
  let engine = engines[encoding];
  if (inPlaceWorks && !engine?._handle) {
    engine = (encoding === "zlib" ? zlib.createInflate() : zlib.createGunzip()) as ZlibEngine;
    // A corrupt body destroys the engine with an error event: without a listener, that would end the process.
    engine.on("error", () => undefined);
    engines[encoding] = engine;
    inPlaceWorks = typeof engine._handle?.writeSync === "function" && engine._writeState instanceof Uint32Array;
  }
  return inPlaceWorks ? engine : undefined;
}

/** The inflated bytes in `scratch`, or undefined when they cannot be had that way. */
function inflateInPlace(body: Buffer, encoding: "zlib" | "gzip", maxBytes: number): Buffer | undefined {
  const engine = engineFor(encoding);
  if (!engine) return undefined;
  if (scratch.length < Math.min(body.length * 12, maxBytes)) scratch = Buffer.allocUnsafe(Math.min(Math.max(body.length * 16, 1 << 20), maxBytes));
  for (;;) {
    const length = Math.min(scratch.length, maxBytes);
    engine.reset();
    inflations++;
    engine._handle?.writeSync(zlib.constants.Z_FINISH, body, 0, body.length, scratch, 0, length);
    // An error (corrupt, truncated) closed the engine: the usual way says which.
    if (!engine._handle) return undefined;
    const room = (engine._writeState as Uint32Array)[0] as number;
    if (room > 0) return scratch.subarray(0, length - room);
    // Full: the body may go on. Twice the room, up to the limit, whose excess the usual way refuses.
    if (length >= maxBytes) return undefined;
    scratch = Buffer.allocUnsafe(Math.min(scratch.length * 2, maxBytes));
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
