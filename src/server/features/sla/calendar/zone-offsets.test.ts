import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { zoneOffsets } from "./zone-offsets.js";

const HOUR = 3_600_000;

describe("zoneOffsets", () => {
  it("agrees with luxon on every hour of 2026 in several zones", () => {
    for (const name of ["Europe/Paris", "America/Montreal", "Indian/Reunion", "Pacific/Noumea", "Australia/Sydney"]) {
      const zone = zoneOffsets(name);
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += HOUR) {
        const expected = DateTime.fromMillis(t, { zone: name }).offset;
        if (zone.offsetAt(t) !== expected) expect({ name, at: new Date(t), offset: zone.offsetAt(t) }).toEqual({ expected });
      }
    }
  });

  it("finds the Paris DST changes to the minute", () => {
    const paris = zoneOffsets("Europe/Paris");
    expect(paris.offsetAt(Date.parse("2026-03-29T00:59:00Z"))).toBe(60);
    expect(paris.offsetAt(Date.parse("2026-03-29T01:00:00Z"))).toBe(120);
    expect(paris.offsetAt(Date.parse("2026-10-25T00:59:00Z"))).toBe(120);
    expect(paris.offsetAt(Date.parse("2026-10-25T01:00:00Z"))).toBe(60);
  });

  it("converts wall-clock times back to instants like luxon, except in the gap and the repeated hour", () => {
    const paris = zoneOffsets("Europe/Paris");
    const local = (text: string) => Date.parse(`${text}Z`);
    expect(new Date(paris.toUtc(local("2026-03-29T01:59:00"))).toISOString()).toBe("2026-03-29T00:59:00.000Z");
    // 02:30 does not exist on 29 March: it maps to the jump (03:00 CEST), never backwards.
    expect(new Date(paris.toUtc(local("2026-03-29T02:30:00"))).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(new Date(paris.toUtc(local("2026-03-29T03:00:00"))).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // 02:30 happens twice on 25 October: the second one (CET). Luxon's choice depends on today's date.
    expect(new Date(paris.toUtc(local("2026-10-25T02:30:00"))).toISOString()).toBe("2026-10-25T01:30:00.000Z");

    const montreal = zoneOffsets("America/Montreal");
    expect(new Date(montreal.toUtc(local("2026-03-08T02:30:00"))).toISOString()).toBe("2026-03-08T07:00:00.000Z");
    expect(new Date(montreal.toUtc(local("2026-11-01T01:30:00"))).toISOString()).toBe("2026-11-01T06:30:00.000Z");
    for (let t = local("2026-01-01T00:00:00"); t < local("2027-01-01T00:00:00"); t += HOUR / 2) {
      const wall = new Date(t);
      const expected = DateTime.fromObject(
        { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes() },
        { zone: "America/Montreal" },
      );
      const isInGap = expected.hour !== wall.getUTCHours();
      const isRepeated = expected.toISODate() === "2026-11-01" && expected.hour === 1;
      if (!isInGap && !isRepeated && montreal.toUtc(t) !== expected.toMillis()) expect(new Date(montreal.toUtc(t))).toEqual(expected.toJSDate());
    }
  });

  it("maps wall-clock times monotonically across both changes", () => {
    const paris = zoneOffsets("Europe/Paris");
    for (const day of ["2026-03-29", "2026-10-25"]) {
      let previous = -Infinity;
      for (let t = Date.parse(`${day}T00:00:00Z`); t <= Date.parse(`${day}T05:00:00Z`); t += 60_000) {
        expect(paris.toUtc(t)).toBeGreaterThanOrEqual(previous);
        previous = paris.toUtc(t);
      }
    }
  });
});
