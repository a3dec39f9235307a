import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isSideBySideRuntime, normalizeVersion, splitSoftwareName } from "./software-name.js";

type Row = [string, string | null, string | null, string | null];
const debian = JSON.parse(readFileSync(new URL("../../../../../test/fixtures/inventory/identity-debian-software.json", import.meta.url), "utf8")) as Record<string, Row[]>;

describe("splitSoftwareName", () => {
  it("makes the issue's two Firefox entries one software", () => {
    expect(splitSoftwareName("Mozilla Firefox (x64 fr)", "131.0")).toEqual({ name: "Mozilla Firefox", version: "131.0" });
    expect(splitSoftwareName("Mozilla Firefox 131.0 (x64 fr)", "131.0")).toEqual({ name: "Mozilla Firefox", version: "131.0" });
    expect(splitSoftwareName("Mozilla Firefox 131.0 (x64 fr)")).toEqual({ name: "Mozilla Firefox", version: "131.0" });
  });

  it.each([
    ["7-Zip 23.01 (x64)", "23.01", "7-Zip", "23.01"],
    ["7-Zip 23.01", "23.01.00.0", "7-Zip", "23.01.00.0"],
    ["Notepad++ (64-bit x64)", "8.6.2", "Notepad++", "8.6.2"],
    ["Python 3.12.0 (64-bit)", "3.12.150.0", "Python", "3.12.150.0"],
    ["VLC media player", "3.0.20", "VLC media player", "3.0.20"],
    ["Google Chrome", "131.0.6778.86", "Google Chrome", "131.0.6778.86"],
    ["Mozilla Maintenance Service", "131.0", "Mozilla Maintenance Service", "131.0"],
    ["Mozilla Firefox ESR (x64 fr)", "128.4.0", "Mozilla Firefox ESR", "128.4.0"],
    ["Mozilla Thunderbird (x86 en-US)", "128.3.1", "Mozilla Thunderbird", "128.3.1"],
    ["Microsoft 365 Apps for enterprise - fr-fr", "16.0.17928.20156", "Microsoft 365 Apps for enterprise", "16.0.17928.20156"],
    ["Microsoft Office Professionnel Plus 2016 - fr-fr", "16.0.4266.1001", "Microsoft Office Professionnel Plus 2016", "16.0.4266.1001"],
    ["Microsoft Office Professional Plus 2019", "16.0.10412.20006", "Microsoft Office Professional Plus 2019", "16.0.10412.20006"],
    ["Adobe Acrobat Reader DC - Français", "24.004.20220", "Adobe Acrobat Reader DC", "24.004.20220"],
    ["WinRAR 6.24 (64 bits)", "6.24.0", "WinRAR", "6.24.0"],
    ["Git version 2.42.0", "2.42.0", "Git", "2.42.0"],
    ["PuTTY release 0.81 (64-bit)", "0.81.0.0", "PuTTY release", "0.81.0.0"],
    ["FileZilla Client v3.66.4", "", "FileZilla Client", "3.66.4"],
    ["Mozilla Firefox 131", "131.0.2", "Mozilla Firefox", "131.0.2"],
    ["Zoom Workplace 6.2.11 (64-bit)", null, "Zoom Workplace", "6.2.11"],
  ])("%s (%s) → %s %s", (name, version, expectedName, expectedVersion) => {
    expect(splitSoftwareName(name, version)).toEqual({ name: expectedName, version: expectedVersion });
  });

  it("keeps the parenthesised parts that are not an architecture or a language", () => {
    expect(splitSoftwareName("Security Update for Microsoft Office 2016 (KB5002469) 64-Bit Edition", "")).toEqual({
      name: "Security Update for Microsoft Office 2016 (KB5002469) 64-Bit Edition", version: "",
    });
    expect(splitSoftwareName("Microsoft Edge WebView2 Runtime (Preview)", "131.0").name).toBe("Microsoft Edge WebView2 Runtime (Preview)");
    expect(splitSoftwareName("Foo (Go)", "1.0").name).toBe("Foo (Go)");
  });

  it("keeps a bare number that is not the version: it names the product", () => {
    expect(splitSoftwareName("Java 8 Update 391", "8.0.3910.13").name).toBe("Java 8 Update 391");
    expect(splitSoftwareName("Windows Software Development Kit 10", "10.1.22621.3233").name).toBe("Windows Software Development Kit");
    expect(splitSoftwareName("Adobe Photoshop 2024", "25.0").name).toBe("Adobe Photoshop 2024");
  });

  it("keeps the architecture of runtimes installed side by side, and drops their version and language", () => {
    expect(splitSoftwareName("Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33130", "14.38.33130.0")).toEqual({
      name: "Microsoft Visual C++ 2015-2022 Redistributable (x64)", version: "14.38.33130.0",
    });
    expect(splitSoftwareName("Microsoft Visual C++ 2015-2022 Redistributable (x86) - 14.38.33130", "14.38.33130.0").name)
      .toBe("Microsoft Visual C++ 2015-2022 Redistributable (x86)");
    expect(splitSoftwareName("Microsoft Visual C++ 2013 Redistributable (x64) - 12.0.40664", "").version).toBe("12.0.40664");
    expect(splitSoftwareName("Microsoft .NET Runtime - 8.0.11 (x64)", "64.44.23191").name).toBe("Microsoft .NET Runtime (x64)");
    expect(splitSoftwareName("Microsoft Windows Desktop Runtime - 8.0.11 (x86 fr)", "").name).toBe("Microsoft Windows Desktop Runtime (x86)");
    expect(splitSoftwareName("Java 8 Update 391 (64-bit)", "8.0.3910.13").name).toBe("Java 8 Update 391 (64-bit)");
  });

  it("drops trademark signs that installers add inconsistently", () => {
    expect(splitSoftwareName("Intel(R) Graphics Command Center", "1.0").name).toBe("Intel Graphics Command Center");
    expect(splitSoftwareName("Microsoft® Teams™", "1.0").name).toBe("Microsoft Teams");
  });

  it("collapses whitespace and never empties a name", () => {
    expect(splitSoftwareName("  Mozilla   Firefox \t(x64 fr) ", " 131.0 ")).toEqual({ name: "Mozilla Firefox", version: "131.0" });
    expect(splitSoftwareName("1.2 (x64)", "1.2").name).toBe("1.2");
    expect(splitSoftwareName("", "1.0")).toEqual({ name: "", version: "1.0" });
  });

  it("leaves package identifiers unchanged", () => {
    expect(splitSoftwareName("libc6", "2.36-9+deb12u10")).toEqual({ name: "libc6", version: "2.36-9+deb12u10" });
    expect(splitSoftwareName("firefox-esr", "128.5.0esr-1~deb12u1").name).toBe("firefox-esr");
    expect(splitSoftwareName("gir1.2-glib-2.0", "1.74.0-3").name).toBe("gir1.2-glib-2.0");
    expect(splitSoftwareName("php71-php-process", "7.1.6-1.fc25.remi").name).toBe("php71-php-process");
  });

  it("drops dpkg's architecture qualifier, which only the OCS agent sends", () => {
    expect(splitSoftwareName("zlib1g:amd64", "1:1.2.13.dfsg-1")).toEqual({ name: "zlib1g", version: "1:1.2.13.dfsg-1" });
    expect(splitSoftwareName("libc6:i386", "2.36-9").name).toBe("libc6");
    expect(splitSoftwareName("python3.11", "3.11.2-6").name).toBe("python3.11");
  });

  it("keeps the real Debian package names of both agents (but dpkg's qualifier), and both agents agree", () => {
    for (const agent of ["fusioninventory-2.6", "ocsinventory-2.10"]) {
      const rows = debian[agent] ?? [];
      expect(rows.length).toBe(821);
      for (const [name, version] of rows) {
        expect(splitSoftwareName(name, version)).toEqual({ name: name.replace(/:amd64$/, ""), version: version ?? "" });
      }
    }
    const fusion = (debian["fusioninventory-2.6"] ?? []).map(([name, version]) => splitSoftwareName(name, version));
    const ocs = (debian["ocsinventory-2.10"] ?? []).map(([name, version]) => splitSoftwareName(name, version));
    expect(ocs).toEqual(fusion);
  });

  it("keeps names with spaces from a phone inventory", () => {
    expect(splitSoftwareName("Enregistreur d'écran", "1.5.9").name).toBe("Enregistreur d'écran");
    expect(splitSoftwareName("Boutique Amazon", "18.21.2.100").name).toBe("Boutique Amazon");
  });
});

describe("normalizeVersion", () => {
  it("trims and drops a leading v", () => {
    expect(normalizeVersion(" v2.1 ")).toBe("2.1");
    expect(normalizeVersion("1:2.38.1-5+deb12u1")).toBe("1:2.38.1-5+deb12u1");
    expect(normalizeVersion(null)).toBe("");
    expect(normalizeVersion("very")).toBe("very");
  });
});

describe("isSideBySideRuntime", () => {
  it("knows the runtimes that install an x86 and an x64 copy", () => {
    expect(isSideBySideRuntime("Microsoft Visual C++ 2010  x64 Redistributable - 10.0.40219")).toBe(true);
    expect(isSideBySideRuntime("Microsoft ASP.NET Core 8.0.11 - Shared Framework (x64)")).toBe(true);
    expect(isSideBySideRuntime("Mozilla Firefox (x64 fr)")).toBe(false);
  });
});
