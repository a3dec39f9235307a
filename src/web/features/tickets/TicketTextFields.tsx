import { TextInput, Textarea } from "@mantine/core";
import type { FieldErrors } from "../../lib/validation.js";

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
