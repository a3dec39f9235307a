import xxhash from "xxhash-wasm";

/**
 * Most daily inventories list the same 800 software as the day before, and reading them is most
 * of an inventory's cost. The <SOFTWARES> elements of an OCS or FusionInventory inventory are
 * cut out of the bytes as they came and hashed: when the machine's last inventory had the same
 * hash, they are never decoded nor parsed (agent-exchange.service.ts).
 */
export type SoftwareSpan = {
  /** The inventory without its software, to parse. */
  rest: Buffer;
  /** From the first <SOFTWARES> to the last </SOFTWARES>, with nothing else between them. */
  span: Buffer;
  /**
   * Where each element's </SOFTWARES> starts in the span; null when another element lies between two.
   * Found when first asked: a list seen before (same hash) was checked then, and is not read again.
   */
  readonly ends: number[] | null;
  /**
   * The span's 64-bit xxHash, a fifth of SHA-256's cost: it tells a machine's list from its own last
   * one, which an agent could only fool about its own machine. Memos shared between machines key by
   * a cryptographic hash instead (software-reader.ts).
   */
  hash: string;
};

const { h64Raw } = await xxhash();

// Buffers, not strings: Buffer.indexOf converts a string needle on every call.
export const OPEN = Buffer.from("<SOFTWARES>");
export const CLOSE = Buffer.from("</SOFTWARES>");

/** Null when there are no software: then the inventory is read whole. */
export function cutSoftwareSpan(bytes: Buffer): SoftwareSpan | null {
  const start = bytes.indexOf(OPEN);
  const last = bytes.lastIndexOf(CLOSE);
  if (start < 0 || last < start) return null;
  const end = last + CLOSE.length;
  const span = bytes.subarray(start, end);
  let ends: number[] | null | undefined;
  return {
    rest: Buffer.concat([bytes.subarray(0, start), bytes.subarray(end)]),
    span,
    get ends() {
      if (ends === undefined) ends = elementEnds(bytes, start, last);
      return ends;
    },
    hash: h64Raw(span).toString(36),
  };
}

/**
 * The offsets in the span of each </SOFTWARES>, when each one before the last is followed, white
 * space aside, by the next <SOFTWARES>; null otherwise.
 */
function elementEnds(bytes: Buffer, start: number, last: number): number[] | null {
  const ends: number[] = [];
  for (let close = bytes.indexOf(CLOSE, start); close >= 0 && close < last; close = bytes.indexOf(CLOSE, close + CLOSE.length)) {
    ends.push(close - start);
    let next = close + CLOSE.length;
    while (next < bytes.length && isSpace(bytes[next] as number)) next++;
    if (!bytes.subarray(next, next + OPEN.length).equals(OPEN)) return null;
  }
  ends.push(last - start);
  return ends;
}

/** XML white space, as a byte or a character code. */
export const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
