import { describe, expect, it } from "vitest";
import { sameAssetQuery, savedAssetQuery } from "./asset-params.js";

describe("savedAssetQuery", () => {
  it("keeps the known filters and leaves the default sort out", () => {
    expect(savedAssetQuery({ family: "computer", status: "in_use", sort: "updated", order: "desc", q: " " })).toEqual({
      family: "computer", status: "in_use",
    });
    expect(savedAssetQuery({ sort: "warranty", order: "asc", family: "spaceship" })).toEqual({ sort: "warranty", order: "asc" });
  });
});

describe("sameAssetQuery", () => {
  it("sees a view as current whether the default sort is spelt out or not", () => {
    expect(sameAssetQuery({ family: "printer" }, { family: "printer", sort: "updated", order: "desc" })).toBe(true);
    expect(sameAssetQuery({ family: "printer" }, { family: "printer", status: "in_use" })).toBe(false);
    expect(sameAssetQuery({ sort: "name" }, { sort: "name", order: "asc" })).toBe(false);
  });
});
