import { describe, expect, it } from "vitest";
import { ListAssetsQuerySchema } from "../../../../shared/api/assets.js";
import { EMPTY_ASSET_FORM, eurosToCents, missingKindFields, tagExample, toAssetBody, warrantyEndOf } from "./asset-form.js";
import { normalizeAssetQuery } from "./asset-params.js";
import { warrantyState } from "./asset-ui.js";

describe("the asset form", () => {
  it("turns euros typed with a comma or a point into whole cents", () => {
    expect(eurosToCents("1299,90")).toBe(129990);
    expect(eurosToCents(19.99)).toBe(1999);
    expect(eurosToCents("")).toBeNull();
  });

  it("shows the warranty end the server will compute: start, else purchase date, plus months", () => {
    expect(warrantyEndOf({ warrantyStart: "", purchaseDate: "2025-01-31", warrantyMonths: 1 })).toBe("2025-02-28");
    expect(warrantyEndOf({ warrantyStart: "2025-03-15", purchaseDate: "2024-01-01", warrantyMonths: "36" })).toBe("2028-03-15");
    expect(warrantyEndOf({ warrantyStart: "", purchaseDate: "", warrantyMonths: 36 })).toBeNull();
  });

  it("gives an example of the tag a pattern makes", () => {
    expect(tagExample("PC-{YYYY}-{#####}", new Date("2026-11-23T10:00:00Z"))).toBe("PC-2026-00001");
    expect(tagExample("RES-{YY}{MM}-{###}", new Date("2026-03-01T10:00:00Z"))).toBe("RES-2603-001");
  });

  it("sends only the kind's fields, numbers as numbers, empty ones as null", () => {
    const kind = { fields: [{ key: "ram_gb", fieldType: "number", isRequired: true }, { key: "os", fieldType: "text", isRequired: false }] };
    const values = { ...EMPTY_ASSET_FORM, name: " Portable ", fields: { ram_gb: "16", os: "", stale: "x" } };
    const body = toAssetBody(values, kind as never);
    expect(body).toMatchObject({ name: "Portable", fields: { ram_gb: 16, os: null }, serial: null, priceCents: null });
    expect(missingKindFields({ ...values, fields: {} }, kind as never, "required")).toEqual({ "fields.ram_gb": "required" });
  });
});

describe("the list's URL", () => {
  it("keeps known filters with sane values only, and the API accepts them", () => {
    const query = normalizeAssetQuery(new URLSearchParams("family=printer&status=in_use,in_stock&sort=bogus&order=asc&includeDisposed=yes&utm=1"));
    expect(query).toEqual({ family: "printer", status: "in_use,in_stock", order: "asc" });
    expect(ListAssetsQuerySchema.safeParse(query).success).toBe(true);
  });

  it("says when a warranty is over or ends within 90 days", () => {
    expect(warrantyState("2026-01-01", "2026-11-23")).toBe("over");
    expect(warrantyState("2027-01-15", "2026-11-23")).toBe("near");
    expect(warrantyState("2028-01-15", "2026-11-23")).toBe("ok");
    expect(warrantyState(null)).toBe("none");
  });
});
