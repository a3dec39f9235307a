import zlib from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { decodeBody, decodeBodyTransient, encodeReply, sniffEncoding } from "./decode-body.js";
import { refusal } from "./refusal.test-support.js";

const PROLOG = Buffer.from("<REQUEST><DEVICEID>vm-2026-11-22-13-41-44</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>");
const MB = 1024 * 1024;

/**
 * A valid zlib stream of `megabytes` MB of zeros, built in milliseconds: after a full flush the
 * deflater forgets its history, so every further megabyte of zeros compresses to the same bytes.
 * The stream ends with an empty final stored block and the Adler-32 of n zeros, ((n mod 65521) << 16) | 1.
 */
function zerosBomb(megabytes: number): Buffer {
  const first = zlib.deflateSync(Buffer.alloc(MB), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const repeated = first.subarray(2); // without the 2-byte zlib header
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((((megabytes * MB) % 65521) << 16) | 1) >>> 0);
  const finalBlock = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
  return Buffer.concat([first, ...Array<Buffer>(megabytes - 1).fill(repeated), finalBlock, adler]);
}


describe("decodeBody", () => {
  it("inflates zlib, gunzips gzip and passes plain XML and JSON through", () => {
    expect(decodeBody(zlib.deflateSync(PROLOG), "application/x-compress")).toEqual({ bytes: PROLOG, encoding: "zlib" });
    expect(decodeBody(zlib.gzipSync(PROLOG), "application/x-compress-gzip")).toEqual({ bytes: PROLOG, encoding: "gzip" });
    expect(decodeBody(PROLOG, "application/xml")).toEqual({ bytes: PROLOG, encoding: "plain" });
    const json = Buffer.from('\ufeff  {"action":"contact"}');
    expect(decodeBody(json, "application/json").encoding).toBe("plain");
  });

  it("trusts the magic bytes over the Content-Type", () => {
    expect(decodeBody(zlib.deflateSync(PROLOG), "application/xml").encoding).toBe("zlib");
    expect(decodeBody(PROLOG, "application/x-compress-zlib").encoding).toBe("plain");
  });

  it("recognises every zlib compression level the agents may use", () => {
    for (const level of [1, 6, 9]) expect(sniffEncoding(zlib.deflateSync(PROLOG, { level }))).toBe("zlib");
  });

  it("refuses an empty body, and bytes that are neither compressed nor XML/JSON", () => {
    expect(refusal(() => decodeBody(Buffer.alloc(0)))).toBe("BODY_EMPTY");
    expect(refusal(() => decodeBody(Buffer.from("hello"), "text/plain"))).toBe("BODY_ENCODING_UNKNOWN");
    expect(refusal(() => decodeBody(Buffer.from("hello"), "application/x-compress-zlib"))).toBe("BODY_CORRUPT");
  });

  it("refuses truncated and corrupt compressed data", () => {
    const deflated = zlib.deflateSync(Buffer.alloc(100_000, "<A>x</A>"));
    expect(refusal(() => decodeBody(deflated.subarray(0, deflated.length - 10)))).toBe("BODY_CORRUPT");
    const gzipped = zlib.gzipSync(PROLOG);
    expect(refusal(() => decodeBody(gzipped.subarray(0, 20)))).toBe("BODY_CORRUPT");
    const corrupt = Buffer.from(deflated);
    corrupt.fill(0xff, 10, 40);
    expect(refusal(() => decodeBody(corrupt))).toBe("BODY_CORRUPT");
  });

  it("builds a valid bomb (checked on 8 MB)", () => {
    const small = zerosBomb(8);
    const inflated = zlib.inflateSync(small);
    expect(inflated.length).toBe(8 * MB);
    expect(inflated.every((byte) => byte === 0)).toBe(true);
  });

  it("stops a 1 GB zip bomb at the cap, fast", () => {
    const bomb = zerosBomb(1024);
    expect(bomb.length).toBeLessThan(2 * MB);
    // maxOutputLength makes zlib give up past the cap: the gigabyte is never allocated.
    expect(refusal(() => decodeBody(bomb, "application/x-compress-zlib", 20 * MB))).toBe("BODY_TOO_LARGE");
    expect(refusal(() => decodeBody(zlib.gzipSync(Buffer.alloc(2 * MB)), undefined, MB))).toBe("BODY_TOO_LARGE");
  });

  it("caps a plain body too", () => {
    expect(refusal(() => decodeBody(Buffer.alloc(2048, "<"), "application/xml", 1024))).toBe("BODY_TOO_LARGE");
  });
});

describe("decodeBodyTransient", () => {
  const xml = (n: number) => Buffer.from(`<REQUEST><DEVICEID>pc-${n}</DEVICEID><QUERY>INVENTORY</QUERY>${"<SOFTWARES><NAME>x</NAME></SOFTWARES>".repeat(n)}</REQUEST>`);

  it("gives bytes the next body overwrites, and a copy of its own on request", () => {
    const first = decodeBodyTransient(zlib.deflateSync(xml(1)));
    const keptAtOnce = first.keep();
    expect(keptAtOnce).toEqual(xml(1));
    const second = decodeBodyTransient(zlib.deflateSync(xml(2)));
    expect(second.bytes).toEqual(xml(2));
    // Nothing was allocated for the second: it was inflated where the first was.
    expect(first.bytes.equals(xml(1))).toBe(false);
    // Overwritten since: kept means inflated again from its own body.
    expect(first.keep()).toEqual(xml(1));
    expect(keptAtOnce).toEqual(xml(1));
  });

  it("reads the next body after a corrupt one, and bodies that compress far better than inventories", async () => {
    // A module of its own: its buffer not yet grown by the zip bombs above.
    vi.resetModules();
    const { decodeBodyTransient } = await import("./decode-body.js");
    const deflated = zlib.deflateSync(xml(50));
    expect(() => decodeBodyTransient(deflated.subarray(0, deflated.length - 10))).toThrow(/body cannot be inflated/);
    expect(decodeBodyTransient(deflated).bytes).toEqual(xml(50));
    // 50,000 identical elements: some 500:1, past the buffer sized for 16:1, which grows.
    const repetitive = zlib.gzipSync(xml(50_000));
    expect(decodeBodyTransient(repetitive, "application/x-compress-gzip").bytes.equals(xml(50_000))).toBe(true);
  });
});

describe("encodeReply", () => {
  const reply = '<?xml version="1.0" encoding="UTF-8"?>\n<REPLY><PROLOG_FREQ>24</PROLOG_FREQ><RESPONSE>SEND</RESPONSE></REPLY>';

  it("compresses the reply the way the request came", () => {
    const asZlib = encodeReply(reply, "zlib");
    expect(asZlib.subarray(0, 2)).toEqual(Buffer.from([0x78, 0x9c]));
    expect(zlib.inflateSync(asZlib).toString()).toBe(reply);
    expect(zlib.gunzipSync(encodeReply(reply, "gzip")).toString()).toBe(reply);
    expect(encodeReply(reply, "plain").toString()).toBe(reply);
  });

  it("round-trips through decodeBody", () => {
    for (const like of ["zlib", "gzip", "plain"] as const) {
      expect(decodeBody(encodeReply(reply, like))).toEqual({ bytes: Buffer.from(reply), encoding: like });
    }
  });
});
