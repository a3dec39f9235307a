import { Stack, Switch, TextInput, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EntitySelect } from "../../../components/EntitySelect.js";
import type { FieldErrors } from "../../../lib/validation.js";

export type GroupFormValues = { name: string; description: string; entityId: number | null; recursive: boolean };

/** The fields shared by the create dialog and the details tab. */
export function GroupFields({
  values,
  errors,
  setField,
  readOnly = false,
}: {
  values: GroupFormValues;
  errors: FieldErrors;
  setField: <K extends keyof GroupFormValues>(name: K, value: GroupFormValues[K]) => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput
        label={t("groups.name")}
        required
        data-autofocus
        value={values.name}
        onChange={(event) => setField("name", event.currentTarget.value)}
        error={errors.name}
        readOnly={readOnly}
      />
      <Textarea
        label={t("groups.descriptionField")}
        autosize
        minRows={2}
        value={values.description}
        onChange={(event) => setField("description", event.currentTarget.value)}
        error={errors.description}
        readOnly={readOnly}
      />
      <EntitySelect
        label={t("groups.entity")}
        required
        value={values.entityId}
        onChange={(value) => setField("entityId", value)}
        error={errors.entityId}
      />
      <Switch
        label={t("groups.recursive")}
        description={t("groups.recursiveHelp")}
        checked={values.recursive}
        onChange={(event) => setField("recursive", event.currentTarget.checked)}
        disabled={readOnly}
      />
    </Stack>
  );
}
