import type { TFunction } from "i18next";
import type { ImportReason, ImportTarget } from "../../../../shared/api/asset-import.js";
import { IMPORT_TARGETS } from "../../../../shared/api/asset-import.js";

/** The field a reason is about, as the mapping step names it; a kind's field by its label. */
function columnName(reason: ImportReason, t: TFunction): string {
  const column = reason.column ?? "";
  if ((IMPORT_TARGETS as readonly string[]).includes(column)) return t(`assetImport.targets.${column as ImportTarget}`);
  return t("assetImport.customField", { label: reason.label ?? column.replace(/^field:/, "") });
}

/** One reason of a rejected row as a sentence in the user's language. */
export function reasonText(reason: ImportReason, t: TFunction): string {
  const params = {
    column: columnName(reason, t), value: reason.value ?? "", line: reason.line, max: reason.max,
    choices: (reason.choices ?? []).join(", "),
    error: reason.error ? t(`errors.${reason.error}` as "errors.INTERNAL", { defaultValue: t("errors.BAD_REQUEST") }) : "",
  };
  if (reason.code === "invalid_field") return t(`assetImport.reasonText.invalid_field.${reason.expected ?? "text"}`, params);
  return t(`assetImport.reasonText.${reason.code}`, params);
}
