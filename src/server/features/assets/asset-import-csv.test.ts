import { describe, expect, it } from "vitest";
import { IMPORT_REASON_CODES } from "../../../shared/api/asset-import.js";
import { decode, detectDelimiter, parseFile, suggestMapping } from "./asset-import-csv.js";
import { reasonText } from "./asset-import-report.js";
import { parseCents, parseDate } from "./asset-import-rows.js";

describe("reading an asset CSV", () => {
  it("tells UTF-8 from Windows-1252 by the bytes", () => {
    expect(decode(Buffer.from("\uFEFFNom\nÉcran", "utf8"))).toEqual({ text: "Nom\nÉcran", encoding: "utf-8" });
    expect(decode(Buffer.from("Nom\nÉcran Réunion", "latin1"))).toEqual({ text: "Nom\nÉcran Réunion", encoding: "windows-1252" });
    // 0x80 is the euro sign in Windows-1252, not in Latin-1.
    expect(decode(Buffer.from([0x80, 0x92, 0x9c, 0xe9])).text).toBe("€’œé");
  });

  it("counts the delimiters on the header line only, outside quotes", () => {
    expect(detectDelimiter("Nom;Type;Lieu\na,b,c,d,e")).toBe(";");
    expect(detectDelimiter('"Nom; complet",Type,Lieu\n')).toBe(",");
    expect(detectDelimiter("Nom\tType\n")).toBe("\t");
    expect(detectDelimiter("Nom\n")).toBe(",");
  });

  it("parses with the detected delimiter and refuses a broken file", () => {
    expect(parseFile(Buffer.from("Nom\tType\nPC 1\tlaptop\n"), 10)).toMatchObject({ delimiter: "\t", header: ["Nom", "Type"], rows: [["PC 1", "laptop"]] });
    expect(() => parseFile(Buffer.from('Nom,Type\n"PC 1,laptop\n'), 10)).toThrow(/not valid CSV/);
    expect(() => parseFile(Buffer.from("Nom,Type\nPC 1\n"), 10)).toThrow(/not valid CSV/);
    expect(() => parseFile(Buffer.from("Nom\na\nb\n"), 1)).toThrow(/At most 1 rows/);
  });

  it("suggests fields from French and English headers and the kinds' field labels", () => {
    expect(suggestMapping(["Asset tag", "NOM", "N° de série", "Kind", "Modèle", "Taille (pouces)", "Nom", "Divers"],
      [{ target: "field:size_inches", label: "Taille (pouces)" }]))
      .toEqual(["assetTag", "name", "serial", "kind", "model", "field:size_inches", null, null]);
  });

  it("reads French amounts and dates", () => {
    expect(parseCents("1 299,90")).toBe(129990);
    expect(parseCents("1\u202f299,9 €")).toBe(129990);
    expect(parseCents("1,299.90")).toBe(129990);
    expect(parseCents("189.5")).toBe(18950);
    expect(parseCents("12")).toBe(1200);
    expect(parseCents("beaucoup")).toBeNaN();
    expect(parseDate("5/3/2025")).toBe("2025-03-05");
    expect(parseDate("2025-03-05")).toBe("2025-03-05");
  });
});

describe("reasonText", () => {
  it("says every reason code in French and English, with the column's name and the cell", () => {
    for (const code of IMPORT_REASON_CODES) {
      const reason = { code, column: "location", value: "Lyon > B2", line: 4, max: 60, expected: "choice" as const, choices: ["Oui"], error: "FORBIDDEN" as const };
      for (const lang of ["fr", "en"] as const) expect(reasonText(reason, lang)).not.toMatch(/undefined|^\s*$/);
    }
    expect(reasonText({ code: "unknown", column: "location", value: "Lyon > B2" }, "fr")).toBe("Lieu : « Lyon > B2 » introuvable");
    expect(reasonText({ code: "unknown", column: "location", value: "Lyon > B2" }, "en")).toBe('Location: "Lyon > B2" not found');
    expect(reasonText({ code: "required", column: "field:size_inches", label: "Taille (pouces)" }, "en")).toBe("Taille (pouces): required");
    expect(reasonText({ code: "invalid_field", column: "field:ip", label: "Adresse IP", value: "x".repeat(600), expected: "text" }, "fr"))
      .toBe("Adresse IP : texte trop long");
    expect(reasonText({ code: "not_saved", error: "ASSET_TAG_TAKEN" }, "fr")).toBe("Non enregistré (ASSET_TAG_TAKEN)");
  });
});
