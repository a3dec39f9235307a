import { createHash } from "node:crypto";

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
  hash: string;
};

const OPEN = "<SOFTWARES>";
const CLOSE = "</SOFTWARES>";

/** Null when there are no software, or another element between two: then the inventory is read whole. */
export function cutSoftwareSpan(bytes: Buffer): SoftwareSpan | null {
  const start = bytes.indexOf(OPEN);
  const last = bytes.lastIndexOf(CLOSE);
  if (start < 0 || last < start || !onlySoftware(bytes, start, last)) return null;
  const end = last + CLOSE.length;
  const span = bytes.subarray(start, end);
  return {
    rest: Buffer.concat([bytes.subarray(0, start), bytes.subarray(end)]),
    span,
    hash: createHash("sha256").update(span).digest("base64url"),
  };
}

/** Whether each </SOFTWARES> before the last is followed, white space aside, by the next <SOFTWARES>. */
function onlySoftware(bytes: Buffer, start: number, last: number): boolean {
  for (let close = bytes.indexOf(CLOSE, start); close >= 0 && close < last; close = bytes.indexOf(CLOSE, close + CLOSE.length)) {
    let next = close + CLOSE.length;
    while (next < bytes.length && isSpace(bytes[next] as number)) next++;
    if (bytes.indexOf(OPEN, next) !== next) return false;
  }
  return true;
}

const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
