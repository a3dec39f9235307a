import { Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Template } from "../../../shared/api/automation.js";
import type { TicketType } from "../../../shared/domain/tickets.js";
import { useTemplates } from "./useAutomation.js";

/** The new-ticket form's fields a template fills. */
type TemplateFields = {
  title: string; description: string; type: TicketType; urgency: number; impact: number; groupId: number | null; categoryId: number | null;
};

/** Fills the form from a template: what the template leaves empty stays as typed. */
export function applyTemplate<T extends TemplateFields>(template: Template, setField: <K extends keyof T>(key: K, value: T[K]) => void): void {
  const fields: Partial<TemplateFields> = {
    ...(template.title ? { title: template.title } : {}), ...(template.description ? { description: template.description } : {}),
    ...(template.type ? { type: template.type } : {}), ...(template.urgency ? { urgency: template.urgency } : {}),
    ...(template.impact ? { impact: template.impact } : {}), ...(template.groupId ? { groupId: template.groupId } : {}),
    ...(template.categoryId ? { categoryId: template.categoryId } : {}),
  };
  for (const [key, value] of Object.entries(fields)) setField(key as keyof T, value as T[keyof T]);
}

/** "Start from a template": the templates usable here, for the chosen category or for any. */
export function TemplatePicker({ entityId, categoryId, onApply }: { entityId?: number; categoryId: number | null; onApply: (template: Template) => void }) {
  const { t } = useTranslation();
  const templates = useTemplates({ entityId, categoryId: categoryId ?? undefined, usable: entityId ? undefined : true });
  const [value, setValue] = useState<string | null>(null);
  const list = templates.data ?? [];
  if (list.length === 0) return null;
  return (
    <Select label={t("automation.templatePicker.label")} placeholder={t("automation.templatePicker.placeholder")} clearable searchable value={value}
      data={list.map((x) => ({ value: String(x.id), label: x.categoryName ? `${x.name} — ${x.categoryName}` : x.name }))}
      onChange={(v) => {
        setValue(v);
        const chosen = list.find((x) => String(x.id) === v);
        if (chosen) onApply(chosen);
      }} />
  );
}
