import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { identityKeys, type IdentityInput } from "./identity-keys.js";
import { normalizeHostName, normalizeMac, normalizeUuid, sameSerial } from "./identity-values.js";
import { decide, DEFAULT_MATCH_RULES, MatchRulesSchema, MatchRuleSchema, type AssetCandidate, type MatchCriterion, type MatchRule } from "./match-rules.js";

const machines = (JSON.parse(readFileSync(new URL("../../../../../test/fixtures/inventory/identity-machines.json", import.meta.url), "utf8")) as {
  machines: Record<string, IdentityInput>;
}).machines;

type Asset = AssetCandidate & { uuid?: string; macs?: string[]; name?: string };

/** The assets table of a fleet, looked up the way a repo would (normalised values). */
function fleet(assets: Asset[]) {
  const calls: string[] = [];
  const lookup = async (criterion: MatchCriterion, values: readonly string[]) => {
    calls.push(`${criterion}=${values.join(",")}`);
    return assets.filter((asset) => values.some((value) => {
      if (criterion === "serial") return asset.serial != null && sameSerial(asset.serial, value);
      if (criterion === "uuid") return normalizeUuid(asset.uuid) === value;
      if (criterion === "mac") return (asset.macs ?? []).some((mac) => normalizeMac(mac) === value);
      return normalizeHostName(asset.name) === value;
    }));
  };
  return { lookup, calls };
}

const rules = (list: unknown[]): MatchRule[] => MatchRulesSchema.parse(list);

describe("MatchRulesSchema", () => {
  it("accepts the default rules and fills enabled", () => {
    expect(MatchRulesSchema.parse(DEFAULT_MATCH_RULES)).toEqual(DEFAULT_MATCH_RULES);
    expect(MatchRuleSchema.parse({ criteria: ["mac"] })).toEqual({ criteria: ["mac"], enabled: true });
  });

  it("lists every problem", () => {
    const result = MatchRulesSchema.safeParse([
      { criteria: ["serial", "serial"] },
      { criteria: [] },
      { criteria: ["bios"] },
      { criteria: ["uuid", "serial"] },
      { criteria: ["serial", "uuid"], enabled: "yes" },
    ]);
    expect(result.success).toBe(false);
    const problems = result.error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(problems).toEqual(expect.arrayContaining(["0.criteria", "1.criteria", "2.criteria.0", "4.enabled"]));
  });

  it("refuses two rules with the same criteria", () => {
    const result = MatchRulesSchema.safeParse([{ criteria: ["serial", "uuid"] }, { criteria: ["uuid", "serial"] }]);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: [1, "criteria"], message: "Same criteria as rule 1" })]);
  });
});

describe("decide", () => {
  const laptop: Asset = { id: 42, label: "PC-0042", serial: "640HP72", uuid: "4C4C4544-0034-3010-8048-B6C04F503732", macs: ["00:E0:4C:68:01:DB", "44:85:00:2B:90:BC"], name: "GLPIXPS" };

  it("matches the Dell laptop by serial + UUID, and logs it", async () => {
    const { lookup } = fleet([laptop, { id: 7, serial: "CZC0000001" }]);
    const decision = await decide(identityKeys(machines["json-computer-1"] ?? {}), DEFAULT_MATCH_RULES, lookup);
    expect(decision).toEqual({
      decision: "match", assetId: 42, rule: "serial + uuid", reason: "matched",
      text: "matched asset PC-0042 by serial 640HP72 and uuid 4c4c4544-0034-3010-8048-b6c04f503732",
      trace: ["serial + uuid: asset PC-0042"],
    });
  });

  it("names an asset without a tag by its id", async () => {
    const { lookup } = fleet([{ ...laptop, label: null }]);
    expect((await decide({ serial: "640HP72", macs: [] }, DEFAULT_MATCH_RULES, lookup)).text).toBe("matched asset #42 by serial 640HP72");
  });

  it("falls to the serial alone when the motherboard (and the UUID) was replaced", async () => {
    const { lookup } = fleet([laptop]);
    const decision = await decide({ serial: "640hp72", uuid: "11111111-2222-3333-4444-555555555555", macs: [] }, DEFAULT_MATCH_RULES, lookup);
    expect(decision).toMatchObject({ decision: "match", assetId: 42, rule: "serial" });
    expect(decision.trace).toEqual(["serial + uuid: no asset", "serial: asset PC-0042"]);
  });

  it("matches the CI machine, which has no serial, by MAC from either agent", async () => {
    const { lookup } = fleet([{ id: 3, label: "VM-0003", macs: ["02:fc:00:00:00:01"], name: "vm" }]);
    for (const agent of ["fusioninventory-2.6", "ocsinventory-2.10"]) {
      const decision = await decide(identityKeys(machines[agent] ?? {}), DEFAULT_MATCH_RULES, lookup);
      expect(decision).toMatchObject({ decision: "match", assetId: 3, rule: "mac", text: "matched asset VM-0003 by mac 02:fc:00:00:00:01" });
      expect(decision.trace).toEqual([
        "serial + uuid: skipped, the inventory has no usable serial or uuid",
        "serial: skipped, the inventory has no usable serial",
        "uuid: skipped, the inventory has no usable uuid",
        "mac: asset VM-0003",
      ]);
    }
  });

  it("creates the CI machine on its first inventory, and finds it by name if its MAC changed", async () => {
    const keys = identityKeys(machines["fusioninventory-2.6"] ?? {});
    expect(await decide(keys, DEFAULT_MATCH_RULES, fleet([]).lookup)).toMatchObject({
      decision: "create", rule: null, reason: "no-match", text: "new asset: no asset matched by mac, name",
    });
    const renamed = fleet([{ id: 3, macs: ["02:fc:00:00:00:99"], name: "VM.example.org" }]);
    expect(await decide(keys, DEFAULT_MATCH_RULES, renamed.lookup)).toMatchObject({ decision: "match", assetId: 3, rule: "name" });
  });

  it("never merges two machines: a different serial leaves an asset out, whatever else they share", async () => {
    // The new laptop uses the USB network adapter of PC-0042 and took its name.
    const { lookup } = fleet([laptop]);
    const keys = { serial: "5CG1234XYZ", macs: ["00:e0:4c:68:01:db"], name: "glpixps" };
    const decision = await decide(keys, DEFAULT_MATCH_RULES, lookup);
    expect(decision).toMatchObject({ decision: "create", reason: "no-match" });
    expect(decision.trace).toContain("mac: asset PC-0042 left out, its serial 640HP72 is not 5CG1234XYZ");
    expect(decision.trace).toContain("name: asset PC-0042 left out, its serial 640HP72 is not 5CG1234XYZ");
  });

  it("does not count an asset's placeholder serial as a different serial", async () => {
    const { lookup } = fleet([{ id: 9, serial: "To be filled by O.E.M.", macs: ["00:11:22:33:44:55"] }]);
    expect(await decide({ serial: "REAL123", macs: ["00:11:22:33:44:55"] }, DEFAULT_MATCH_RULES, lookup)).toMatchObject({ decision: "match", assetId: 9, rule: "mac" });
  });

  it("refuses when a rule finds several assets, rather than trying a weaker rule", async () => {
    const { lookup, calls } = fleet([
      { id: 4, label: "PC-0004", macs: ["00:e0:4c:68:01:db"], name: "a" },
      { id: 5, label: "PC-0005", macs: ["00:e0:4c:68:01:db"], name: "b" },
    ]);
    const decision = await decide({ macs: ["00:e0:4c:68:01:db"], name: "b" }, DEFAULT_MATCH_RULES, lookup);
    expect(decision).toMatchObject({
      decision: "refuse", reason: "ambiguous", rule: "mac",
      text: "refused: assets PC-0004, PC-0005 all match by mac 00:e0:4c:68:01:db; a person must choose",
    });
    expect(decision.assetId).toBeUndefined();
    expect(calls).toEqual(["mac=00:e0:4c:68:01:db"]);
  });

  it("refuses two assets with the same serial", async () => {
    const { lookup } = fleet([{ id: 1, serial: "ABC123" }, { id: 2, serial: "abc123" }]);
    expect(await decide({ serial: "ABC123", macs: [] }, DEFAULT_MATCH_RULES, lookup)).toMatchObject({ decision: "refuse", reason: "ambiguous", rule: "serial" });
  });

  it("matches by any of the machine's addresses, and counts an asset found by two of them once", async () => {
    const { lookup } = fleet([{ id: 8, macs: ["b8:6b:23:e0:5c:81", "b8:6b:23:e0:5c:91"] }]);
    const keys = identityKeys(machines["xml-computer-1"] ?? {});
    const decision = await decide(keys, rules([{ criteria: ["mac"] }]), lookup);
    expect(decision).toMatchObject({ decision: "match", assetId: 8, text: "matched asset #8 by mac b8:6b:23:e0:5c:81, b8:6b:23:e0:5c:91" });
  });

  it("needs every criterion of a combined rule on the same asset", async () => {
    const { lookup } = fleet([{ id: 1, serial: "ABC123", name: "other" }, { id: 2, serial: "XYZ999", name: "pc-1" }]);
    const serialAndName = rules([{ criteria: ["serial", "name"] }]);
    expect(await decide({ serial: "ABC123", name: "pc-1", macs: [] }, serialAndName, lookup)).toMatchObject({ decision: "create" });
    expect(await decide({ serial: "XYZ999", name: "pc-1", macs: [] }, serialAndName, lookup)).toMatchObject({ decision: "match", assetId: 2 });
  });

  it("follows the admin's order and skips disabled rules", async () => {
    const { lookup } = fleet([{ id: 1, serial: "ABC123" }, { id: 2, name: "pc-1" }]);
    const keys = { serial: "ABC123", name: "pc-1", macs: [] };
    expect(await decide(keys, rules([{ criteria: ["name"] }, { criteria: ["serial"] }]), lookup)).toMatchObject({ assetId: 2, rule: "name" });
    expect(await decide(keys, rules([{ criteria: ["name"], enabled: false }, { criteria: ["serial"] }]), lookup)).toMatchObject({ assetId: 1, rule: "serial" });
  });

  it("refuses an inventory no enabled rule can use: creating it would duplicate it every time", async () => {
    const decision = await decide({ macs: ["00:11:22:33:44:55"] }, rules([{ criteria: ["serial"] }, { criteria: ["name"], enabled: false }]), fleet([]).lookup);
    expect(decision).toMatchObject({ decision: "refuse", reason: "no-usable-rule", rule: null });
    expect(await decide({ macs: ["00:11:22:33:44:55"] }, [], fleet([]).lookup)).toMatchObject({ decision: "refuse", reason: "no-usable-rule" });
  });

  it("refuses an inventory with nothing to identify the machine, without looking anything up", async () => {
    const { lookup, calls } = fleet([{ id: 1, serial: "ABC123" }]);
    const keys = identityKeys({
      serial: "To be filled by O.E.M.",
      uuid: "00000000-0000-0000-0000-000000000000",
      name: "localhost",
      networks: [{ description: "lo", mac: "00:00:00:00:00:00" }],
    });
    expect(await decide(keys, DEFAULT_MATCH_RULES, lookup)).toEqual({
      decision: "refuse", rule: null, reason: "no-identity", trace: [],
      text: "refused: the inventory has no usable serial, UUID, MAC address or name",
    });
    expect(calls).toEqual([]);
  });

  it("stops looking up a combined rule's criteria once one finds nothing", async () => {
    const { lookup, calls } = fleet([]);
    await decide({ serial: "ABC123", uuid: "4c4c4544-0034-3010-8048-b6c04f503732", macs: [] }, rules([{ criteria: ["serial", "uuid"] }]), lookup);
    expect(calls).toEqual(["serial=ABC123"]);
  });
});
