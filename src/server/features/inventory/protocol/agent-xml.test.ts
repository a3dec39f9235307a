import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeReferences, parseAgentXml } from "./agent-xml.js";
import { decodeBody } from "./decode-body.js";
import { refusal, refusalOf } from "./refusal.test-support.js";

const fixture = (path: string) => readFileSync(new URL(`../../../../../test/fixtures/inventory/${path}`, import.meta.url));
const xml = (text: string) => Buffer.from(text, "utf8");


describe("parseAgentXml", () => {
  it("reads the Fusion PROLOG as sent (zlib), with its TOKEN", () => {
    const { bytes } = decodeBody(fixture("fusioninventory-2.6/prolog.zlib"), "application/x-compress-zlib");
    expect(parseAgentXml(bytes)).toEqual({
      query: "PROLOG",
      deviceId: "vm-2026-11-22-13-41-44",
      token: "12345678",
      content: null,
    });
  });

  it("reads the OCS PROLOG, which has no TOKEN", () => {
    expect(parseAgentXml(fixture("ocsinventory-2.10/prolog.xml"))).toMatchObject({
      query: "PROLOG",
      deviceId: "vm-2026-11-22-13-42-07",
      token: null,
    });
  });

  it("reads the OCS INVENTORY as sent (zlib) and keeps every value a string, names in lower case", () => {
    const { bytes } = decodeBody(fixture("ocsinventory-2.10/inventory.zlib"), "application/x-compress");
    const request = parseAgentXml(bytes);
    expect(request.query).toBe("INVENTORY");
    expect(request.deviceId).toBe("vm-2026-11-22-13-42-07");
    expect(request.content?.["softwares"]).toHaveLength(821);
    expect(request.content?.["hardware"]).toMatchObject({ name: "vm", swap: "0", memory: "24105" });
  });

  it.each([
    ["fusioninventory-2.6/inventory-full.xml", "INVENTORY"],
    ["fusioninventory-2.6/inventory-no-software.xml", "INVENTORY"],
    ["glpi-format/inventory_format-tests-data-1-computer-INVENTORY.xml", "INVENTORY"],
    ["glpi-format/inventory_format-tests-data-10-NETDISCOVERY.xml", "NETDISCOVERY"],
    ["glpi-format/inventory_format-tests-data-7-switch-SNMPQUERY.xml", "SNMPQUERY"],
    ["glpi-format/inventory_format-tests-data-8-printer-SNMP.xml", "SNMP"],
  ])("parses %s", (path, query) => {
    const request = parseAgentXml(fixture(path));
    expect(request.query).toBe(query);
    expect(request.deviceId).not.toBe("");
    expect(request.content).not.toBeNull();
  });

  it("drops PROCESSES and ENVS even from the raw content", () => {
    const raw = fixture("glpi-format/inventory_format-tests-data-1-computer-INVENTORY.xml");
    expect(raw.toString()).toContain("<PROCESSES>");
    expect(raw.toString()).toContain("<ENVS>");
    const content = parseAgentXml(raw).content!;
    expect(content).not.toHaveProperty("processes");
    expect(content).not.toHaveProperty("envs");
    expect(JSON.stringify(content)).not.toContain("/usr/lib/systemd/systemd");
  });

  it("keeps leading zeros and decodes the predefined references", () => {
    const request = parseAgentXml(
      xml(
        "<REQUEST><DEVICEID>pc-1</DEVICEID><QUERY>INVENTORY</QUERY><CONTENT>" +
          "<BIOS><SSN>000123</SSN><SMODEL>A &amp; B &lt;x&gt; caf&#233; &#x263A;</SMODEL></BIOS>" +
          "<SOFTWARES><NAME><![CDATA[R&D <tools>]]></NAME></SOFTWARES></CONTENT></REQUEST>",
      ),
    );
    expect(request.content?.["bios"]).toEqual({ ssn: "000123", smodel: "A & B <x> café ☺" });
    expect(request.content?.["softwares"]).toEqual({ name: "R&D <tools>" });
  });

  it("reads an ISO-8859-1 document as declared", () => {
    const latin = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><REQUEST><DEVICEID>poste-comptabilité</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>',
      "latin1",
    );
    expect(parseAgentXml(latin).deviceId).toBe("poste-comptabilité");
  });

  it("never reads a file through an external entity (XXE)", () => {
    const attack = xml(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' +
        "<REQUEST><DEVICEID>&e;</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>",
    );
    const error = refusalOf(() => parseAgentXml(attack));
    expect(error.reason).toBe("XML_DOCTYPE_REFUSED");
    expect(error.message).not.toContain("root:");
  });

  it("never expands nested entities (billion laughs)", () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("");
    const attack = xml(`<!DOCTYPE r [<!ENTITY l0 "lol">${levels}]><REQUEST><DEVICEID>&l9;</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>`);
    expect(refusal(() => parseAgentXml(attack))).toBe("XML_DOCTYPE_REFUSED");
  });

  it("leaves an undeclared entity as written instead of looking it up", () => {
    const request = parseAgentXml(xml("<REQUEST><DEVICEID>&e;</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>"));
    expect(request.deviceId).toBe("&e;");
    expect(decodeReferences("&#0; &#x110000; &nbsp;")).toBe("&#0; &#x110000; &nbsp;");
  });

  it.each([
    ["an unclosed element", "<REQUEST><DEVICEID>pc</DEVICEID><QUERY>PROLOG</QUERY>"],
    ["mismatched tags", "<REQUEST><DEVICEID>pc</QUERY></REQUEST>"],
    ["two roots", "<REQUEST></REQUEST><REQUEST></REQUEST>"],
    ["plain text", "not xml at all"],
    ["a truncated inventory", fixture("ocsinventory-2.10/inventory.xml").toString().slice(0, 50_000)],
  ])("refuses malformed XML: %s", (_what, text) => {
    expect(refusal(() => parseAgentXml(xml(text)))).toBe("XML_MALFORMED");
  });

  it("refuses well-formed XML that is not an agent request", () => {
    expect(refusal(() => parseAgentXml(xml("<REPLY><RESPONSE>SEND</RESPONSE></REPLY>")))).toBe("XML_NOT_A_REQUEST");
    expect(refusal(() => parseAgentXml(xml("<REQUEST><QUERY>PROLOG</QUERY></REQUEST>")))).toBe("XML_NOT_A_REQUEST");
    expect(refusal(() => parseAgentXml(xml("<REQUEST><DEVICEID>pc</DEVICEID></REQUEST>")))).toBe("XML_NOT_A_REQUEST");
  });
});
