import { TextInput, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../../lib/validation.js";
import { GroupSelect, ScaleSelect } from "./ticket-ui.js";

type TextForm = {
  values: { title: string; description: string };
  setField: (name: "title" | "description", value: string) => void;
  errors: FieldErrors;
};

/** The title and description of a new ticket, as each intake screen words them. */
export function TicketTextFields({ form, labels, autoFocus, rows }: {
  form: TextForm;
  labels: { title: string; description: string; titlePlaceholder?: string; descriptionPlaceholder?: string };
  autoFocus?: boolean;
  rows: [min: number, max: number];
}) {
  return (
    <>
      <TextInput
        label={labels.title}
        placeholder={labels.titlePlaceholder}
        required
        autoFocus={autoFocus}
        data-autofocus={autoFocus || undefined}
        value={form.values.title}
        onChange={(event) => form.setField("title", event.currentTarget.value)}
        error={form.errors.title}
      />
      <Textarea
        label={labels.description}
        placeholder={labels.descriptionPlaceholder}
        autosize
        minRows={rows[0]}
        maxRows={rows[1]}
        value={form.values.description}
        onChange={(event) => form.setField("description", event.currentTarget.value)}
        error={form.errors.description}
      />
    </>
  );
}

type TriageValues = { urgency: number; impact: number; groupId: number | null };

/** Urgency, impact and group of a new ticket; each choice made by hand stays when a category is picked. */
export function TicketTriageSelects<T extends TriageValues>({ values, error, setByHand }: {
  values: T;
  error?: string;
  setByHand: <K extends keyof TriageValues>(key: K, value: T[K]) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ScaleSelect label={t("tickets.urgency")} value={values.urgency} onChange={(value) => setByHand("urgency", value as T["urgency"])} />
      <ScaleSelect label={t("tickets.impact")} value={values.impact} onChange={(value) => setByHand("impact", value as T["impact"])} />
      <GroupSelect label={t("tickets.group")} value={values.groupId} onChange={(value) => setByHand("groupId", value as T["groupId"])} error={error} />
    </>
  );
}
