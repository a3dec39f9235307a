import { describe, expect, it } from "vitest";
import { boundedCache } from "./bounded-cache.js";

describe("boundedCache", () => {
  it("computes a key once, undefined results included", () => {
    const computed: string[] = [];
    const cached = boundedCache((key) => {
      computed.push(key);
      return key === "none" ? undefined : key.length;
    });
    expect([cached("abc"), cached("abc"), cached("none"), cached("none")]).toEqual([3, 3, undefined, undefined]);
    expect(computed).toEqual(["abc", "none"]);
  });

  it("starts afresh when full", () => {
    const computed: string[] = [];
    const cached = boundedCache((key) => computed.push(key), 2);
    for (const key of ["a", "b", "c", "a"]) cached(key);
    expect(computed).toEqual(["a", "b", "c", "a"]);
  });
});
