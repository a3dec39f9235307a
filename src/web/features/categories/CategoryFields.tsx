import { Divider, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TICKET_TYPES, type TicketType, priorityOf } from "../../../shared/domain/tickets.js";
import { EntitySelect } from "../../components/EntitySelect.js";
import type { FieldErrors } from "../../lib/validation.js";
import { GroupSelect, PriorityBadge, useScaleOptions } from "../tickets/ticket-ui.js";
import { CategorySelect } from "./CategorySelect.js";
import { usePriorityMatrix } from "./useCategories.js";

export type CategoryFormValues = {
  name: string;
  parentId: number | null;
  entityId: number | null;
  portalLabel: string;
  description: string;
  inPortal: boolean;
  isActive: boolean;
  defaultType: TicketType | null;
  defaultGroupId: number | null;
  defaultUrgency: number | null;
  defaultImpact: number | null;
};

type SetField = <K extends keyof CategoryFormValues>(name: K, value: CategoryFormValues[K]) => void;
type FieldsProps = { values: CategoryFormValues; errors: FieldErrors; setField: SetField };

function SectionTitle({ children }: { children: string }) {
  return (
    <Title order={3} fz="sm" tt="uppercase" c="dimmed" mt="xs">
      {children}
    </Title>
  );
}

/** Name, parent and (for a new one) entity: where the category sits in the tree. */
function PlaceFields({ values, errors, setField, isNew, excludeBranchOf }: FieldsProps & { isNew: boolean; excludeBranchOf?: number }) {
  const { t } = useTranslation();
  return (
    <>
      <SectionTitle>{t("categories.sectionPlace")}</SectionTitle>
      <TextInput
        label={t("categories.name")}
        description={t("categories.nameHelp")}
        required
        data-autofocus
        value={values.name}
        onChange={(event) => setField("name", event.currentTarget.value)}
        error={errors.name}
      />
      {isNew && (
        <EntitySelect
          label={t("categories.entity")}
          description={t("categories.entityHelp")}
          required
          value={values.entityId}
          onChange={(value) => {
            setField("entityId", value);
            setField("parentId", null);
          }}
          error={errors.entityId}
        />
      )}
      <CategorySelect
        label={t("categories.parent")}
        description={t("categories.parentHelp")}
        placeholder={t("categories.topLevel")}
        value={values.parentId}
        onChange={(value) => setField("parentId", value)}
        entityId={values.entityId ?? undefined}
        includeInactive
        excludeBranchOf={excludeBranchOf}
        error={errors.parentId}
      />
    </>
  );
}

function PortalFields({ values, errors, setField }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <SectionTitle>{t("categories.sectionPortal")}</SectionTitle>
      <Switch
        label={t("categories.inPortal")}
        description={t("categories.inPortalHelp")}
        checked={values.inPortal}
        onChange={(event) => setField("inPortal", event.currentTarget.checked)}
      />
      <TextInput
        label={t("categories.portalLabel")}
        description={t("categories.portalLabelHelp")}
        placeholder={t("categories.portalLabelPlaceholder")}
        value={values.portalLabel}
        onChange={(event) => setField("portalLabel", event.currentTarget.value)}
        error={errors.portalLabel}
      />
      <Textarea
        label={t("categories.portalDescription")}
        description={t("categories.portalDescriptionHelp")}
        placeholder={t("categories.portalDescriptionPlaceholder")}
        autosize
        minRows={2}
        value={values.description}
        onChange={(event) => setField("description", event.currentTarget.value)}
        error={errors.description}
      />
    </>
  );
}

/** Type, group, urgency and impact a new ticket gets; the priority follows from the matrix and is only shown. */
function DefaultsFields({ values, errors, setField }: FieldsProps) {
  const { t } = useTranslation();
  const matrix = usePriorityMatrix();
  const scale = useScaleOptions();
  const priority = priorityOf(matrix, values.defaultUrgency ?? 3, values.defaultImpact ?? 3);
  const scaleSelect = (key: "defaultUrgency" | "defaultImpact", label: string) => (
    <Select
      label={label}
      data={scale}
      placeholder={t("categories.notSet")}
      clearable
      value={values[key] === null ? null : String(values[key])}
      onChange={(value) => setField(key, value ? Number(value) : null)}
      error={errors[key]}
    />
  );
  return (
    <>
      <SectionTitle>{t("categories.sectionDefaults")}</SectionTitle>
      <Text size="sm" c="dimmed">
        {t("categories.defaultsHelp")}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t("categories.defaultType")}
          data={TICKET_TYPES.map((value) => ({ value, label: t(`tickets.types.${value}`) }))}
          placeholder={t("categories.notSet")}
          clearable
          value={values.defaultType}
          onChange={(value) => setField("defaultType", (value as TicketType | null) ?? null)}
        />
        <GroupSelect
          label={t("categories.defaultGroup")}
          placeholder={t("categories.notSet")}
          value={values.defaultGroupId}
          onChange={(value) => setField("defaultGroupId", value)}
          error={errors.defaultGroupId}
          comboboxProps={{ withinPortal: true }}
        />
        {scaleSelect("defaultUrgency", t("categories.defaultUrgency"))}
        {scaleSelect("defaultImpact", t("categories.defaultImpact"))}
      </SimpleGrid>
      <Group gap="xs" aria-live="polite">
        <Text size="sm" fw={500}>
          {t("categories.resultingPriority")}
        </Text>
        <PriorityBadge priority={priority} />
      </Group>
      <Text size="xs" c="dimmed">
        {t("categories.priorityHelp")}
      </Text>
    </>
  );
}

/** Every field of a category, in three parts: place in the tree, portal, defaults of new tickets. */
export function CategoryFields(props: FieldsProps & { isNew: boolean; excludeBranchOf?: number }) {
  const { t } = useTranslation();
  const { values, setField } = props;
  return (
    <Stack gap="sm">
      <PlaceFields {...props} />
      <Divider />
      <PortalFields {...props} />
      <Divider />
      <DefaultsFields {...props} />
      <Divider />
      <Switch
        label={t("categories.isActive")}
        description={t("categories.isActiveHelp")}
        checked={values.isActive}
        onChange={(event) => setField("isActive", event.currentTarget.checked)}
      />
    </Stack>
  );
}
