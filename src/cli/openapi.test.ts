import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openApiText } from "./commands/openapi.js";

const COMMITTED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../openapi.json");

describe("openapi.json", () => {
  it("is the document the routes generate", () => {
    const advice = "openapi.json is out of date with the API routes: run `npm run openapi` and commit the result";
    const committed = fs.existsSync(COMMITTED) ? fs.readFileSync(COMMITTED, "utf8") : "";
    expect(committed, advice).not.toBe("");
    // Compared as text: a diff in review is exactly what CI would refuse.
    expect(committed.trimEnd(), advice).toBe(openApiText());
  });
});
