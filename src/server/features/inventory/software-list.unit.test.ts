import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAgentXml } from "./protocol/agent-xml.js";
import { cutSoftwareSpan } from "./protocol/software-span.js";
import { readAgentXml, withSoftware } from "./software-list.js";

const FIXTURES = new URL("../../../../test/fixtures/inventory/", import.meta.url);
const SAMPLES = ["ocsinventory-2.10/inventory.xml", "fusioninventory-2.6/inventory-full.xml", "glpi-format/inventory_format-tests-data-1-computer-INVENTORY.xml"];

describe("reading an inventory without its software first", () => {
  it.each(SAMPLES)("reads %s cut then put back together exactly as whole", (sample) => {
    const bytes = fs.readFileSync(new URL(sample, FIXTURES));
    const whole = parseAgentXml(bytes);
    const read = readAgentXml(bytes);
    expect(read.span, "the real agents write their software one after another").not.toBeNull();
    expect(read.request.content?.["softwares"]).toBeUndefined();
    expect(withSoftware(read)).toEqual(whole);
  });

  it("gives the same list the same hash, and another list another one", () => {
    const bytes = fs.readFileSync(new URL("ocsinventory-2.10/inventory.xml", FIXTURES));
    const again = Buffer.from(bytes.toString("utf8").replace("<DEVICEID>", "<DEVICEID>other-"));
    const patched = Buffer.from(bytes.toString("utf8").replace(/<VERSION>[^<]*<\/VERSION>/, "<VERSION>999</VERSION>"));
    expect(cutSoftwareSpan(again)?.hash).toBe(cutSoftwareSpan(bytes)?.hash);
    expect(cutSoftwareSpan(patched)?.hash).not.toBe(cutSoftwareSpan(bytes)?.hash);
  });

  it("reads whole what has another element between two software, and does not cut what has none", () => {
    const mixed = Buffer.from("<REQUEST><DEVICEID>pc-1</DEVICEID><QUERY>INVENTORY</QUERY><CONTENT><BIOS><SSN>1</SSN></BIOS><SOFTWARES><NAME>a</NAME></SOFTWARES>\n "
      + "<DRIVES><VOLUMN>/</VOLUMN></DRIVES><SOFTWARES><NAME>b</NAME></SOFTWARES></CONTENT></REQUEST>");
    expect(cutSoftwareSpan(mixed)?.ends, "the element between is seen when the list is read").toBeNull();
    expect(withSoftware(readAgentXml(mixed))).toEqual(parseAgentXml(mixed));
    expect(cutSoftwareSpan(Buffer.from("<REQUEST><CONTENT><BIOS/></CONTENT></REQUEST>"))).toBeNull();
  });

  it("still refuses a malformed inventory with the error a whole reading gives", () => {
    const broken = Buffer.from("<REQUEST><CONTENT><SOFTWARES><NAME>a</NAME></SOFTWARES><BIOS></CONTENT><DEVICEID>x</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>");
    expect(() => readAgentXml(broken)).toThrow(/Malformed XML/);
  });
});
