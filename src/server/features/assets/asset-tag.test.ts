import { describe, expect, it } from "vitest";
import { renderPattern } from "./asset-tag.js";

describe("renderPattern", () => {
  const at = new Date(Date.UTC(2026, 2, 5));
  it("fills the date tokens and measures the counter", () => {
    expect(renderPattern("PC-{YYYY}-{#####}", at)).toEqual({ prefix: "PC-2026-", suffix: "", width: 5 });
    expect(renderPattern("{YY}{MM}/{###}-LYO", at)).toEqual({ prefix: "2603/", suffix: "-LYO", width: 3 });
  });
  it("numbers after the fixed text when the pattern has no counter", () => {
    expect(renderPattern("STOCK-", at)).toEqual({ prefix: "STOCK-", suffix: "", width: 1 });
  });
});
