/**
 * The values of a kind's own fields (processor, memory… or the admin's), checked against the
 * kind's definition: a wrong type, an unknown choice, a missing required value or a key the kind
 * does not have is refused with a 400 naming the field.
 */
import type { ValidationIssue } from "../../../shared/api/errors.js";
import { DateOnlySchema } from "../../../shared/api/assets.js";
import { AppError } from "../../http/errors.js";
import type { KindInfo } from "./reference-use.js";

type Values = Record<string, string | number | null>;
type FieldDef = KindInfo["fields"][number];

const TEXT_MAX = 500;

function problemWith(field: FieldDef, value: string | number): string | undefined {
  switch (field.fieldType) {
    case "text": return typeof value === "string" && value.length <= TEXT_MAX ? undefined : `expected a text of at most ${TEXT_MAX} characters`;
    case "number": return typeof value === "number" && Number.isFinite(value) ? undefined : "expected a number";
    case "date": return typeof value === "string" && DateOnlySchema.safeParse(value).success ? undefined : "expected a date YYYY-MM-DD";
    case "choice": return typeof value === "string" && (field.choices ?? []).includes(value) ? undefined : `expected one of: ${(field.choices ?? []).join(", ")}`;
  }
}

/**
 * Checks `values` (already merged with the asset's current ones on an update) and returns them
 * without the empty ones, ready to store as JSON; null when nothing is left.
 */
export function checkFieldValues(kind: KindInfo, values: Values): string | null {
  const defs = new Map(kind.fields.map((f) => [f.key, f]));
  const issues: ValidationIssue[] = [];
  const kept: Values = {};
  for (const [key, raw] of Object.entries(values)) {
    const def = defs.get(key);
    if (!def) {
      issues.push({ path: `body.fields.${key}`, message: `unknown field "${key}" for the kind ${kind.name}` });
      continue;
    }
    const value = typeof raw === "string" ? raw.trim() : raw;
    if (value === null || value === "") continue;
    const problem = problemWith(def, value);
    if (problem) issues.push({ path: `body.fields.${key}`, message: `${def.label}: ${problem}` });
    else kept[key] = value;
  }
  for (const def of kind.fields) {
    if (def.isRequired && kept[def.key] === undefined && !issues.some((i) => i.path === `body.fields.${def.key}`)) {
      issues.push({ path: `body.fields.${def.key}`, message: `${def.label}: required` });
    }
  }
  if (issues.length > 0) throw new AppError("VALIDATION_FAILED", "Some fields of the asset are not valid", issues);
  return Object.keys(kept).length === 0 ? null : JSON.stringify(kept);
}
