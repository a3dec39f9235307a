import { describe, expect, it } from "vitest";
import { ListTicketsQuerySchema } from "../../../../shared/api/tickets.js";
import { dayToInstant, instantToDay, normalizeQuery, sameQuery } from "./queue-params.js";

describe("the queue's URL", () => {
  it("keeps the known filters only, without defaults, so a saved view matches the URL it was saved from", () => {
    const url = new URLSearchParams("view=open&sort=updated&q=imprimante&channel=phone&cursor=abc&utm=x&status=");
    expect(normalizeQuery(url)).toEqual({ q: "imprimante", channel: "phone" });
    expect(sameQuery({ channel: "phone", q: "imprimante" }, normalizeQuery(url))).toBe(true);
    expect(sameQuery({ channel: "phone" }, normalizeQuery(url))).toBe(false);
    expect(sameQuery({ view: "late" }, { view: "late", sort: "updated" })).toBe(true);
  });

  it("turns a day picked in a date field into an instant the API accepts, and back", () => {
    const from = dayToInstant("2026-01-15") as string;
    const before = dayToInstant("2026-01-31", 1) as string;
    expect(ListTicketsQuerySchema.safeParse({ createdFrom: from, createdBefore: before }).success).toBe(true);
    expect(instantToDay(from)).toBe("2026-01-15");
    expect(instantToDay(before, 1)).toBe("2026-01-31");
    expect(new Date(before).getTime() - new Date(from).getTime()).toBeGreaterThan(16 * 86_400_000 - 7_200_000);
    expect(dayToInstant("15/01/2026")).toBeNull();
    expect(instantToDay("not a date")).toBe("");
  });
});
