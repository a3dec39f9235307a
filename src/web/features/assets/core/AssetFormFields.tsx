import { NumberInput, Select, SimpleGrid, Text, TextInput, Textarea, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AssetField, AssetKind } from "../../../../shared/api/asset-references.js";
import type { FieldErrors } from "../../../lib/validation.js";
import { ManufacturerSelect } from "../references/ManufacturerSelect.js";
import { ModelSelect } from "../references/ModelSelect.js";
import { SupplierSelect } from "../references/SupplierSelect.js";
import { type AssetFormValues, tagExample, warrantyEndOf } from "./asset-form.js";
import { formatDay } from "./asset-ui.js";

export type FormProps = {
  values: AssetFormValues;
  errors: FieldErrors;
  setField: <K extends keyof AssetFormValues>(name: K, value: AssetFormValues[K]) => void;
  kind: AssetKind | undefined;
  entityId?: number;
  /** A new asset may leave its tag empty (generated); an existing one keeps one. */
  isNew?: boolean;
};

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <Title order={2} fz="sm" tt="uppercase" c="dimmed" mb="xs" mt="xs">{title}</Title>
      {children}
    </section>
  );
}

/** Name, tag, serial, manufacturer and model: what identifies the asset. */
export function IdentityFields({ values, errors, setField, kind, isNew }: FormProps) {
  const { t } = useTranslation();
  const example = tagExample(kind?.tagPattern ?? null);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput label={t("assets.fields.name")} required value={values.name} error={errors.name} maxLength={200}
        onChange={(e) => setField("name", e.currentTarget.value)} />
      <TextInput label={t("assets.fields.assetTag")} value={values.assetTag} error={errors.assetTag} maxLength={60}
        required={!isNew}
        description={!isNew ? undefined : example ? t("assets.fields.assetTagHint", { pattern: `${kind?.tagPattern} → ${example}` }) : t("assets.fields.assetTagHintNone")}
        onChange={(e) => setField("assetTag", e.currentTarget.value)} classNames={{ input: "mono" }} />
      <TextInput label={t("assets.fields.serial")} value={values.serial} error={errors.serial} maxLength={100}
        onChange={(e) => setField("serial", e.currentTarget.value)} />
      <ManufacturerSelect label={t("assets.fields.manufacturer")} value={values.manufacturerId} error={errors.manufacturerId}
        onChange={(id) => {
          setField("manufacturerId", id);
          setField("modelId", null);
        }} />
      <ModelSelect label={t("assets.fields.model")} value={values.modelId} error={errors.modelId} kindId={kind?.id}
        manufacturerId={values.manufacturerId} onChange={(id) => setField("modelId", id)} />
    </SimpleGrid>
  );
}

function KindFieldInput({ field, value, error, onChange }: {
  field: AssetField; value: string | number | null | undefined; error?: string; onChange: (value: string | number | null) => void;
}) {
  const common = { label: field.label, required: field.isRequired, error };
  if (field.fieldType === "number") {
    return <NumberInput {...common} value={value ?? ""} onChange={(v) => onChange(v === "" ? null : Number(v))} />;
  }
  if (field.fieldType === "choice") {
    return <Select {...common} data={field.choices ?? []} value={value === null || value === undefined ? null : String(value)}
      onChange={onChange} clearable={!field.isRequired} searchable />;
  }
  return <TextInput {...common} type={field.fieldType === "date" ? "date" : "text"} value={value ?? ""}
    onChange={(e) => onChange(e.currentTarget.value)} />;
}

/** The kind's own fields (processor, RAM for a laptop; IP, ports for a switch), as the admin defined them. */
export function KindFields({ values, errors, setField, kind }: FormProps) {
  const { t } = useTranslation();
  if (!kind) return <Text c="dimmed" size="sm">{t("assets.chooseKindFirst")}</Text>;
  if (kind.fields.length === 0) return null;
  return (
    <Section title={t("assets.sections.kindFields")}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        {kind.fields.map((field) => (
          <KindFieldInput key={field.key} field={field} value={values.fields[field.key]} error={errors[`fields.${field.key}`] ?? undefined}
            onChange={(value) => setField("fields", { ...values.fields, [field.key]: value })} />
        ))}
      </SimpleGrid>
    </Section>
  );
}

/** Supplier, order, price, warranty and depreciation; the warranty end is shown as it will be computed. */
export function FinancialFields({ values, errors, setField, entityId }: FormProps) {
  const { t, i18n } = useTranslation();
  const end = warrantyEndOf(values);
  return (
    <Section title={t("assets.sections.financial")}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <SupplierSelect label={t("assets.fields.supplier")} value={values.supplierId} entityId={entityId} error={errors.supplierId}
          onChange={(id) => setField("supplierId", id)} />
        <TextInput label={t("assets.fields.orderNumber")} value={values.orderNumber} error={errors.orderNumber} maxLength={100}
          onChange={(e) => setField("orderNumber", e.currentTarget.value)} />
        <TextInput label={t("assets.fields.invoiceNumber")} value={values.invoiceNumber} error={errors.invoiceNumber} maxLength={100}
          onChange={(e) => setField("invoiceNumber", e.currentTarget.value)} />
        <TextInput type="date" label={t("assets.fields.purchaseDate")} value={values.purchaseDate} error={errors.purchaseDate}
          onChange={(e) => setField("purchaseDate", e.currentTarget.value)} />
        <NumberInput label={t("assets.fields.price")} value={values.price} error={errors.priceCents} decimalScale={2} fixedDecimalScale
          min={0} step={10} decimalSeparator={i18n.language.startsWith("fr") ? "," : "."} suffix=" €"
          onChange={(v) => setField("price", v)} />
        <NumberInput label={t("assets.fields.depreciationYears")} value={values.depreciationYears} error={errors.depreciationYears}
          min={1} max={50} allowDecimal={false} onChange={(v) => setField("depreciationYears", v)} />
        <TextInput type="date" label={t("assets.fields.warrantyStart")} description={t("assets.fields.warrantyStartHint")}
          value={values.warrantyStart} error={errors.warrantyStart} onChange={(e) => setField("warrantyStart", e.currentTarget.value)} />
        <NumberInput label={t("assets.fields.warrantyMonths")} value={values.warrantyMonths} error={errors.warrantyMonths}
          min={0} max={240} allowDecimal={false} onChange={(v) => setField("warrantyMonths", v)}
          description={end ? t("assets.fields.warrantyEndIs", { date: formatDay(end, i18n.language) }) : undefined} />
      </SimpleGrid>
    </Section>
  );
}

export function NotesField({ values, errors, setField }: FormProps) {
  const { t } = useTranslation();
  return (
    <Textarea label={t("assets.fields.notes")} value={values.notes} error={errors.notes} autosize minRows={2} maxLength={5000}
      onChange={(e) => setField("notes", e.currentTarget.value)} />
  );
}
