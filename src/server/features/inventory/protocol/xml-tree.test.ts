import { readFileSync, readdirSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { decodeReferences } from "./agent-xml.js";
import { readXmlTree, XmlSyntaxError } from "./xml-tree.js";

const FIXTURES = new URL("../../../../../test/fixtures/inventory/", import.meta.url);
const xmlFixtures = ["ocsinventory-2.10", "fusioninventory-2.6", "glpi-format"].flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, FIXTURES))
    .filter((name) => name.endsWith(".xml"))
    .map((name) => `${dir}/${name}`),
);
const read = (xml: string) => readXmlTree(xml, { decode: decodeReferences });

/** A well-known parser as the oracle: the same tree, without its cost (see xml-tree.ts). */
const oracle = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  processEntities: false,
  trimValues: true,
  tagValueProcessor: (_tag, value) => decodeReferences(value),
});

describe("readXmlTree", () => {
  it.each(xmlFixtures)("reads %s as fast-xml-parser does", (path) => {
    const xml = readFileSync(new URL(path, FIXTURES), "utf8");
    expect(read(xml)).toEqual(oracle.parse(xml));
  });

  it("reads empty, self-closing, repeated and commented elements", () => {
    const xml = '<?xml version="1.0"?>\n<!-- agent --><R a="1"><E/><F></F><S>a</S><S>b</S><S>c</S><!-- x --><T> x </T></R>';
    expect(read(xml)).toEqual({ R: { E: "", F: "", S: ["a", "b", "c"], T: "x" } });
  });

  it("can lower-case names as it reads", () => {
    expect(readXmlTree("<REQUEST><QUERY>PROLOG</QUERY><Q/></REQUEST>", { decode: decodeReferences, lowerCaseNames: true })).toEqual({
      request: { query: "PROLOG", q: "" },
    });
  });

  it("keeps CDATA as written and decodes references elsewhere", () => {
    expect(read("<R><A><![CDATA[a &amp; <b>]]></A><B>a &amp; &lt;b&gt;</B></R>")).toEqual({ R: { A: "a &amp; <b>", B: "a & <b>" } });
  });

  it.each([
    ["a DOCTYPE", '<!DOCTYPE R [<!ENTITY e "x">]><R>&e;</R>'],
    ["an unclosed element", "<R><A>x</A>"],
    ["a mismatched tag", "<R><A>x</B></R>"],
    ["a closing tag first", "</R>"],
    ["a second root", "<R/><R/>"],
    ["text outside the root", "hello <R/>"],
    ["no root at all", "  "],
    ["a broken tag", "<R><A x=></A></R>"],
    ["an unterminated comment", "<R><!-- </R>"],
    ["a __proto__ element", "<R><__proto__><polluted>1</polluted></__proto__></R>"],
    ["nesting deeper than any agent", `${"<A>".repeat(100)}${"</A>".repeat(100)}`],
  ])("refuses %s", (_what, xml) => {
    expect(() => read(xml)).toThrow(XmlSyntaxError);
  });

  it("does not pollute prototypes", () => {
    expect(() => read("<R><__proto__>1</__proto__></R>")).toThrow(XmlSyntaxError);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("element names that are also object members", () => {
  it("reads <constructor> and <toString> as plain elements", () => {
    const tree = readXmlTree("<R><constructor>a</constructor><toString>b</toString><toString>c</toString></R>", { decode: (t) => t });
    expect(tree).toEqual({ R: { constructor: "a", toString: ["b", "c"] } });
  });
});
