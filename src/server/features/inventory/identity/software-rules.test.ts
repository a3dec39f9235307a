import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyRules, normalizeSoftware, softwareIdentity, SoftwareRuleSchema, SoftwareRulesSchema, type SoftwareRule } from "./software-rules.js";

type Row = [string, string | null, string | null, string | null];
const debian = JSON.parse(readFileSync(new URL("../../../../../test/fixtures/inventory/identity-debian-software.json", import.meta.url), "utf8")) as Record<string, Row[]>;

const rules = (input: unknown[]): SoftwareRule[] => SoftwareRulesSchema.parse(input);

describe("SoftwareRuleSchema", () => {
  it("accepts exact and regex matchers on the name, the publisher or both", () => {
    expect(SoftwareRuleSchema.safeParse({ match: { name: { exact: "Acrobat Reader" } }, set: { name: "Adobe Acrobat Reader" } }).success).toBe(true);
    expect(SoftwareRuleSchema.safeParse({ match: { publisher: { regex: "^Citrix" } }, set: { publisher: "Citrix" } }).success).toBe(true);
    expect(SoftwareRuleSchema.safeParse({
      match: { name: { regex: "^Adobe Acrobat Reader (DC|2020)" }, publisher: { exact: "Adobe" } },
      set: { name: "Adobe Acrobat Reader $1", publisher: "Adobe" },
    }).success).toBe(true);
  });

  it("says clearly that a regular expression does not compile, and where", () => {
    const result = SoftwareRuleSchema.safeParse({ match: { name: { regex: "Firefox (x64" } }, set: { name: "Firefox" } });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(["match", "name", "regex"]);
    expect(issue?.message).toMatch(/^Invalid regular expression: .*Unterminated group/);
  });

  it("lists every problem of a bad rule", () => {
    const result = SoftwareRuleSchema.safeParse({ match: { name: { exact: "a", regex: "b" }, publisher: { regex: "[" } }, set: {} });
    expect(result.success).toBe(false);
    const problems = result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];
    expect(problems).toContain("match.name: Give either exact or regex");
    expect(problems.some((problem) => problem.startsWith("match.publisher.regex: Invalid regular expression"))).toBe(true);
    expect(problems).toContain("set: Set the name, the publisher or both");
  });

  it("refuses a rule that matches nothing, an empty matcher and unknown keys", () => {
    expect(SoftwareRuleSchema.safeParse({ match: {}, set: { name: "X" } }).success).toBe(false);
    expect(SoftwareRuleSchema.safeParse({ match: { name: {} }, set: { name: "X" } }).success).toBe(false);
    expect(SoftwareRuleSchema.safeParse({ match: { name: { exact: "  " } }, set: { name: "X" } }).success).toBe(false);
    expect(SoftwareRuleSchema.safeParse({ match: { name: { exact: "a" } }, set: { name: "X" }, extra: 1 }).success).toBe(false);
    expect(SoftwareRuleSchema.safeParse({ match: { version: { exact: "a" } }, set: { name: "X" } }).success).toBe(false);
  });
});

describe("applyRules", () => {
  const list = rules([
    { match: { name: { regex: "^Adobe Acrobat Reader (DC|2020)" } }, set: { name: "Adobe Acrobat Reader $1" } },
    { match: { name: { exact: "acrobat reader" } }, set: { name: "Adobe Acrobat Reader", publisher: "Adobe" } },
    { match: { publisher: { regex: "^Citrix" } }, set: { publisher: "Citrix" } },
    { match: { name: { regex: "Reader" } }, set: { name: "Some Reader" } },
  ]);

  it("applies the first matching rule only", () => {
    expect(applyRules({ name: "Adobe Acrobat Reader DC - Français", version: "24.0" }, list))
      .toEqual({ name: "Adobe Acrobat Reader DC", version: "24.0" });
    expect(applyRules({ name: "Foxit PDF Reader" }, list)).toEqual({ name: "Some Reader" });
  });

  it("matches exactly without regard to case or surrounding spaces", () => {
    expect(applyRules({ name: "  Acrobat  READER ", publisher: "x" }, list)).toEqual({ name: "Adobe Acrobat Reader", publisher: "Adobe" });
  });

  it("matches regular expressions case-insensitively and unanchored", () => {
    expect(applyRules({ name: "Citrix Workspace", publisher: "citrix systems, inc." }, list).publisher).toBe("Citrix");
  });

  it("needs both matchers to match when a rule has both", () => {
    const both = rules([{ match: { name: { exact: "Teams" }, publisher: { exact: "Microsoft Corporation" } }, set: { name: "Microsoft Teams" } }]);
    expect(applyRules({ name: "Teams", publisher: "Microsoft Corporation" }, both).name).toBe("Microsoft Teams");
    expect(applyRules({ name: "Teams", publisher: "Someone" }, both).name).toBe("Teams");
    expect(applyRules({ name: "Teams" }, both).name).toBe("Teams");
  });

  it("returns the entry as is when no rule matches", () => {
    const entry = { name: "7-Zip 23.01 (x64)", version: "23.01" };
    expect(applyRules(entry, list)).toBe(entry);
    expect(applyRules(entry, [])).toBe(entry);
  });

  it("fills $n from the publisher's groups when the name has no regular expression", () => {
    const byPublisher = rules([{ match: { publisher: { regex: "^(\\w+) Software" } }, set: { publisher: "$1" } }]);
    expect(applyRules({ name: "X", publisher: "Acme Software Ltd" }, byPublisher).publisher).toBe("Acme");
  });
});

describe("normalizeSoftware", () => {
  it("gives the issue's two Firefox entries one key", () => {
    const a = normalizeSoftware({ name: "Mozilla Firefox (x64 fr)", version: "131.0", publisher: "Mozilla" });
    const b = normalizeSoftware({ name: "Mozilla Firefox 131.0 (x64 fr)", version: "131.0", publisher: "Mozilla Corporation" });
    expect(a).toEqual({ name: "Mozilla Firefox", publisher: "Mozilla", version: "131.0" });
    expect(b).toEqual(a);
  });

  it("runs rules before the built-in normalisation and keeps what they set", () => {
    const list = rules([{ match: { name: { regex: "^Foo" } }, set: { name: "Foo 2.0" } }]);
    expect(normalizeSoftware({ name: "Foo Suite 2.0.1 (x64)", version: "2.0.1", publisher: "Foo Corporation" }, list))
      .toEqual({ name: "Foo 2.0", publisher: "Foo", version: "2.0.1" });
  });

  it("normalises the publisher a rule leaves alone, and keeps the one it sets", () => {
    const list = rules([{ match: { name: { exact: "Teams" } }, set: { publisher: "Microsoft Corporation" } }]);
    expect(normalizeSoftware({ name: "Teams", publisher: "x" }, list)?.publisher).toBe("Microsoft Corporation");
    expect(normalizeSoftware({ name: "Teams Classic (x64)", publisher: "Microsoft Corporation" }, list))
      .toEqual({ name: "Teams Classic", publisher: "Microsoft", version: "" });
  });

  it("falls back to the built-in name when a $n group captured nothing", () => {
    const list = rules([{ match: { name: { regex: "^Zoom( Workplace)?" } }, set: { name: "$1" } }]);
    expect(normalizeSoftware({ name: "Zoom (64-bit)", version: "6.2" }, list)?.name).toBe("Zoom");
  });

  it("applies an edited rule list, not the remembered results of the previous one", () => {
    const entry = { name: "Acme Tool 1.0", version: "1.0" };
    const before = rules([{ match: { name: { regex: "^Acme" } }, set: { name: "Acme" } }]);
    const after = rules([{ match: { name: { regex: "^Acme" } }, set: { name: "Acme Tool" } }]);
    expect(normalizeSoftware(entry, before)?.name).toBe("Acme");
    expect(normalizeSoftware(entry, after)?.name).toBe("Acme Tool");
    expect(normalizeSoftware(entry, before)?.name).toBe("Acme");
    expect(normalizeSoftware(entry)?.name).toBe("Acme Tool");
  });

  it("has no key for an entry without a name", () => {
    expect(normalizeSoftware({ name: "  ", version: "1.0" })).toBeUndefined();
  });

  it("gives the same name and version for every package of both agents' real inventories", () => {
    const keys = (agent: string) => (debian[agent] ?? []).map(([name, version, publisher, arch]) => {
      const key = normalizeSoftware({ name, version, publisher, arch });
      return `${key?.name} ${key?.version}`;
    });
    expect(keys("ocsinventory-2.10")).toEqual(keys("fusioninventory-2.6"));
    // FusionInventory names the distribution as publisher; OCS a homepage, unknown but for known domains.
    expect(normalizeSoftware({ name: "adduser", version: "3.134", publisher: "Debian" })?.publisher).toBe("Debian");
    expect(normalizeSoftware({ name: "alsa-ucm-conf", version: "1.2.8-1", publisher: "https://www.alsa-project.org/" })?.publisher).toBe("");
  });
});

describe("softwareIdentity", () => {
  it("ignores case", () => {
    expect(softwareIdentity({ name: "VLC media player", publisher: "VideoLAN" })).toBe(softwareIdentity({ name: "vlc Media Player", publisher: "Videolan" }));
    expect(softwareIdentity({ name: "a", publisher: "bc" })).not.toBe(softwareIdentity({ name: "ca", publisher: "b" }));
  });
});
