import { describe, expect, it } from "vitest";
import { agentOf, date, dateTime, flag, mac, sections, speedMbps, text, whole } from "./inventory-values.js";

describe("inventory values", () => {
  it("reads text: empty is null, numbers become strings", () => {
    expect([text(""), text("  "), text(" a "), text(12), text(undefined), text({})]).toEqual([null, null, "a", "12", null, null]);
  });

  it("always gives a list of sections", () => {
    expect(sections(undefined)).toEqual([]);
    expect(sections({ NAME: "a" })).toEqual([{ NAME: "a" }]);
    expect(sections([{ NAME: "a" }, "", { NAME: "b" }])).toEqual([{ NAME: "a" }, { NAME: "b" }]);
  });

  it("reads sizes and counts as numbers; -1 means unknown", () => {
    expect([whole("274877.906944"), whole(8192), whole("-1"), whole("N/A")]).toEqual([274878, 8192, null, null]);
  });

  it("reads link speeds in Mbit/s", () => {
    expect([speedMbps("100"), speedMbps("-1 Mbps"), speedMbps("0 Mbps"), speedMbps("1 Gb/s"), speedMbps("100 Mb/s")]).toEqual([
      100,
      null,
      null,
      1000,
      100,
    ]);
    expect(speedMbps(1_000_000_000, "bps")).toBe(1000);
  });

  it("normalizes MAC addresses and ignores all-zero ones", () => {
    expect(mac("AC-1F-6B-00-11-22")).toBe("ac:1f:6b:00:11:22");
    expect(mac("AC1F6B001122")).toBe("ac:1f:6b:00:11:22");
    expect(mac("E0:DC:FF:ED:09:59")).toBe("e0:dc:ff:ed:09:59");
    expect([mac("00:00:00:00:00:00"), mac("not a mac"), mac("")]).toEqual([null, null, null]);
  });

  it("reads dates in the agents' formats and drops impossible ones", () => {
    expect(date("2025/04/20 00:00:00")).toBe("2025-04-20");
    expect(date("20241015")).toBe("2024-10-15");
    expect(date("07/25/2014")).toBe("2014-07-25");
    expect([date("1970-00-01"), date("2019-02-30"), date("N/A"), date("1970-01-01")]).toEqual([null, null, null, null]);
    expect(dateTime("2026-11-22 13:31:44")).toBe("2026-11-22T13:31:44");
    expect(dateTime("2019-54-17 10:54:37")).toBeNull();
  });

  it("reads flags", () => {
    expect([flag("1"), flag(0), flag(true), flag("off"), flag("maybe")]).toEqual([true, false, true, false, null]);
  });

  it("splits an agent's name and version", () => {
    expect(agentOf("FusionInventory-Agent_v2.3.20")).toEqual({ name: "FusionInventory-Agent", version: "2.3.20" });
    expect(agentOf("OCS-NG_unified_unix_agent_v2.10.0")).toEqual({ name: "OCS-NG_unified_unix_agent", version: "2.10.0" });
    expect(agentOf("GLPI-Agent_v1.11")).toEqual({ name: "GLPI-Agent", version: "1.11" });
    expect(agentOf("2.5")).toEqual({ name: null, version: "2.5" });
    expect(agentOf(null)).toEqual({ name: null, version: null });
  });
});
