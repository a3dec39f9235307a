import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { type AgentXmlRead, readAgentXml, withSoftware } from "../software-list.js";
import type { SoftwareRule } from "../identity/software-rules.js";
import { normalizeSoftware, softwareIdentity } from "../identity/software-rules.js";
import { type SoftwareEntry, softwareEntries } from "../store/software-entries.js";
import { type AgentXmlRequest, parseAgentXml, parseContentFragment } from "./agent-xml.js";
import type { InventorySoftware } from "./inventory-model.js";
import { normalizeXmlInventory } from "./normalize-xml.js";
import { readSoftwareSpan } from "./software-reader.js";
import { cutSoftwareSpan } from "./software-span.js";

const ROOTS = ["../../../../../test/fixtures/inventory/", "../../../../../../shared/fixtures/"].map((root) => new URL(root, import.meta.url));

function xmlFiles(dir: URL): URL[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".xml"))
    .map((entry) => new URL(`${entry.parentPath}/${entry.name}`, "file://"));
}

const FIXTURES = ROOTS.flatMap(xmlFiles);

const RULES: SoftwareRule[] = [
  { match: { name: { regex: "^lib(.*)" } }, set: { name: "Library $1" } },
  { match: { publisher: { exact: "debian" } }, set: { publisher: "Debian Project" } },
];

/** softwareEntries as it was before the reader shared its entries: the reference the fast path must match. */
function referenceEntries(software: readonly InventorySoftware[], rules: readonly SoftwareRule[]): SoftwareEntry[] {
  const byKey = new Map<string, SoftwareEntry>();
  for (const installed of software) {
    const key = normalizeSoftware({ name: installed.name, version: installed.version ?? "", publisher: installed.publisher ?? "" }, rules);
    if (!key) continue;
    const nameKey = softwareIdentity(key);
    const id = `${nameKey}\u0000${key.version}`;
    if (byKey.has(id)) continue;
    byKey.set(id, {
      nameKey, name: key.name.slice(0, 255), publisher: key.publisher === "" ? null : key.publisher.slice(0, 255),
      version: key.version.slice(0, 100), installDate: installed.installDate, arch: installed.arch,
    });
  }
  return [...byKey.values()].sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
}

/** The generic reading's result, or its error message. */
function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** withSoftware as it was before the quick reader: the cut span read by the generic reader. */
function genericWithSoftware({ request, span, bytes }: AgentXmlRead): AgentXmlRequest {
  if (!span || !request.content) return request;
  const fragment = parseContentFragment(span.span, bytes);
  if (Object.keys(fragment).some((key) => key in (request.content as object))) return parseAgentXml(bytes);
  return { ...request, content: { ...request.content, ...fragment } };
}

/**
 * Reads the document through the cut and the quick reader three times (kept the second, from the memo the third):
 * as the generic reader reads the cut span (same error, same line), and as a whole reading when it reads.
 */
function expectSameAsGeneric(bytes: Buffer): void {
  const generic = outcome(() => genericWithSoftware(readAgentXml(bytes)));
  for (let time = 0; time < 3; time++) {
    expect(outcome(() => withSoftware(readAgentXml(bytes)))).toEqual(generic);
  }
  if (generic && typeof generic === "object" && "content" in generic && generic.content) {
    expect(generic).toEqual(parseAgentXml(bytes));
    const fast = normalizeXmlInventory(withSoftware(readAgentXml(bytes))).software;
    const reference = normalizeXmlInventory(parseAgentXml(bytes)).software;
    expect(fast).toEqual(reference);
    for (const rules of [[], RULES]) expect(softwareEntries(fast, rules)).toEqual(referenceEntries(reference, rules));
  }
}

const document = (software: string, declaration = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${declaration}\n<REQUEST><CONTENT><HARDWARE><NAME>pc</NAME></HARDWARE>\n${software}\n<BIOS><SSN>1</SSN></BIOS></CONTENT>` +
  "<DEVICEID>pc-1</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>";

describe("readSoftwareSpan", () => {
  it.each(FIXTURES.map((url) => [url.pathname.split("/fixtures/")[1], url]))("reads %s's software as the generic reader does", (_, url) => {
    const bytes = fs.readFileSync(url as URL);
    const cut = cutSoftwareSpan(bytes);
    if (cut) {
      const generic = parseContentFragment(cut.span, bytes)["softwares"];
      const quick = readSoftwareSpan(cut, bytes);
      expect(quick, "the real agents' software need no generic reading").toBeDefined();
      expect(quick).toEqual(generic);
    }
    expectSameAsGeneric(bytes);
  });

  it.each([
    ["entities", "<SOFTWARES><NAME>Foo &amp; Bar &#233;&#xE9; &lt;x&gt; &nbsp;</NAME><VERSION>1</VERSION></SOFTWARES>", true],
    ["empty elements", "<SOFTWARES><NAME>a</NAME><VERSION/><PUBLISHER></PUBLISHER></SOFTWARES>\n<SOFTWARES><NAME/></SOFTWARES>", true],
    ["a missing NAME", "<SOFTWARES><VERSION>1</VERSION></SOFTWARES><SOFTWARES><NAME>b</NAME></SOFTWARES>", true],
    ["duplicate entries", "<SOFTWARES><NAME>a</NAME><VERSION>1</VERSION><ARCH>x86</ARCH></SOFTWARES>\n <SOFTWARES><NAME>a</NAME><VERSION>1</VERSION><ARCH>x64</ARCH></SOFTWARES>", true],
    ["a repeated child", "<SOFTWARES><NAME>a</NAME><NAME>b</NAME><NAME>c</NAME></SOFTWARES>", true],
    ["Fusion's spelling", "<SOFTWARES><ARCH>amd64</ARCH><INSTALL_DATE>2024-03-01</INSTALL_DATE><NAME>x</NAME></SOFTWARES>", true],
    ["OCS's spelling", "<SOFTWARES><ARCHITECTURE>amd64</ARCHITECTURE><INSTALLDATE>2024/03/01 10:00:00</INSTALLDATE><NAME>x</NAME></SOFTWARES>", true],
    ["one software", "<SOFTWARES><NAME>only</NAME></SOFTWARES>", true],
    ["white space", "<SOFTWARES>\r\n\t<NAME>  spaced  </NAME>\n</SOFTWARES>\t\r\n<SOFTWARES><NAME>\u00a0b\u00a0</NAME></SOFTWARES>", true],
    ["lower-case and odd names", "<SOFTWARES><name>a</name><Sys.Cat-1:x>b</Sys.Cat-1:x><constructor>c</constructor></SOFTWARES>", true],
    ["non-ASCII UTF-8", "<SOFTWARES><NAME>Éditeur ® 日本 \ufeff</NAME></SOFTWARES>", true],
    ["CDATA", "<SOFTWARES><NAME><![CDATA[a & <b>]]></NAME></SOFTWARES>", false],
    ["a comment", "<SOFTWARES><!-- x --><NAME>a</NAME></SOFTWARES>", false],
    ["an attribute", '<SOFTWARES><NAME lang="fr">a</NAME></SOFTWARES>', false],
    ["a space in a tag", "<SOFTWARES><NAME >a</NAME ></SOFTWARES>", false],
    ["a nested element", "<SOFTWARES><NAME><X>a</X></NAME></SOFTWARES>", false],
    ["text and no child", "<SOFTWARES>just text</SOFTWARES><SOFTWARES></SOFTWARES>", false],
    ["stray text", "<SOFTWARES>x<NAME>a</NAME>y</SOFTWARES>", false],
    ["a mismatched tag", "<SOFTWARES><NAME>a</VERSION></SOFTWARES>", false],
    ["an unclosed tag", "<SOFTWARES><NAME>a</SOFTWARES>", false],
    ["a reserved name", "<SOFTWARES><__proto__>a</__proto__></SOFTWARES>", false],
    ["a DOCTYPE", "<SOFTWARES><!DOCTYPE x><NAME>a</NAME></SOFTWARES>", false],
    ["a bare <", "<SOFTWARES><NAME>a < b</NAME></SOFTWARES>", false],
    ["an undeclared entity, left as it is", "<SOFTWARES><NAME>&custom;</NAME></SOFTWARES>", true],
  ] as const)("reads software with %s as the generic reader does, or leaves them to it", (_, software, isQuick) => {
    const bytes = Buffer.from(document(software), "utf8");
    const cut = cutSoftwareSpan(bytes);
    expect(cut && readSoftwareSpan(cut, bytes) !== undefined).toBe(isQuick);
    expectSameAsGeneric(bytes);
  });

  it("reads a Latin-1 document's software in its encoding, apart from the same bytes in UTF-8", () => {
    const software = "<SOFTWARES><NAME>Soci\u00e9t\u00e9 g\u00e9n\u00e9rale</NAME><PUBLISHER>\u00c9diteur</PUBLISHER></SOFTWARES>";
    const latin = Buffer.from(document(software, '<?xml version="1.0" encoding="ISO-8859-1"?>'), "latin1");
    const utf8Bytes = Buffer.from(document(software), "latin1");
    for (const bytes of [latin, utf8Bytes, latin]) expectSameAsGeneric(bytes);
    const name = (bytes: Buffer) => normalizeXmlInventory(withSoftware(readAgentXml(bytes))).software[0]?.name;
    expect(name(latin)).toBe("Soci\u00e9t\u00e9 g\u00e9n\u00e9rale");
    expect(name(utf8Bytes)).toBe("Soci\ufffdt\ufffd g\ufffdn\ufffdrale");
  });

  it("keeps an element the second time it is read, and shares its frozen entry from then on", () => {
    const software = "<SOFTWARES><NAME>shared</NAME><VERSION>1.0</VERSION></SOFTWARES><SOFTWARES><NAME>other</NAME></SOFTWARES>";
    const [first, second, third] = ["pc-1", "pc-2", "pc-3"].map((device) =>
      normalizeXmlInventory(withSoftware(readAgentXml(Buffer.from(document(software).replace("pc-1", device))))).software);
    expect(Object.isFrozen(first?.[0])).toBe(false);
    expect(third?.[0]).toBe(second?.[0]);
    expect(Object.isFrozen(second?.[0])).toBe(true);
    expect(third).toEqual(first);
  });

  it("tells apart elements alike in every sampled byte", () => {
    // Same length, differing in one byte: often the same sample, always another element.
    const versions = Array.from({ length: 12 }, (_, i) => `<SOFTWARES><NAME>app</NAME><VERSION>1.${i.toString(16)}</VERSION></SOFTWARES>`);
    for (let round = 0; round < 4; round++) {
      // Another list each round, of the same elements: read element by element, not as a known list.
      const bytes = Buffer.from(document([...versions, `<SOFTWARES><NAME>round ${round}</NAME></SOFTWARES>`].join("\n")));
      expectSameAsGeneric(bytes);
      expect(normalizeXmlInventory(withSoftware(readAgentXml(bytes))).software.map((s) => s.version)).toEqual([...versions.map((_, i) => `1.${i.toString(16)}`), null]);
    }
  });
});
