import { Button, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Asset, UpdateAssetBodySchema } from "../../../../shared/api/assets.js";
import { useFormat } from "../../../i18n/format.js";
import type { frAssets } from "../../../i18n/fr/assets.js";
import { changedFields } from "../../../lib/diff.js";
import { useForm } from "../../../lib/use-form.js";
import { serverFieldErrors, validate } from "../../../lib/validation.js";
import { useKindName } from "../references/kind-name.js";
import { useKindList } from "../references/useReferences.js";
import { assetFormValues, missingKindFields, toAssetBody } from "./asset-form.js";
import { AssetErrorAlert, assetFieldErrors } from "./asset-ui.js";
import { FinancialFields, IdentityFields, KindFields, NotesField, Section } from "./AssetFormFields.js";
import { useUpdateAsset } from "./useAssets.js";

/** Label above value, in a grid that folds to one column on a phone. */
export function FieldGrid({ items }: { items: [string, ReactNode][] }) {
  return (
    <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" verticalSpacing="xs" component="dl" m={0}>
      {items.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="dimmed" fw={600}>{label}</Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: "anywhere" }}>{value === null || value === undefined || value === false || value === "" ? "—" : value}</Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

function OverviewView({ asset }: { asset: Asset }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kindName = useKindName();
  const kinds = useKindList();
  const kind = kinds.data?.find((k) => k.id === asset.kindId);
  const f = (key: keyof typeof frAssets.assets.fields) => t(`assets.fields.${key}`);
  const own: [string, ReactNode][] = (kind?.fields ?? []).map((field) => [field.label, asset.fields[field.key] ?? null]);
  return (
    <Stack gap="md">
      <Section title={t("assets.sections.identity")}>
        <FieldGrid items={[
          [f("assetTag"), <span className="mono">{asset.assetTag}</span>],
          [f("name"), asset.name],
          [f("kind"), kindName({ code: asset.kindCode, name: asset.kindName })],
          [f("serial"), asset.serial && <span className="mono">{asset.serial}</span>],
          [f("manufacturer"), asset.manufacturerName],
          [f("model"), asset.modelName],
          [f("entity"), asset.entityName],
        ]} />
      </Section>
      {own.length > 0 && <Section title={t("assets.sections.kindFields")}><FieldGrid items={own} /></Section>}
      <Section title={t("assets.sections.placement")}>
        <FieldGrid items={[
          [f("status"), t(`assets.statuses.${asset.status}`)],
          [f("user"), asset.userName],
          [f("location"), asset.locationName],
          [f("group"), asset.groupName],
          [f("techContact"), asset.techContactName],
        ]} />
      </Section>
      {asset.notes && (
        <Section title={t("assets.fields.notes")}>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>{asset.notes}</Text>
        </Section>
      )}
      <Text size="xs" c="dimmed">
        {t("common.createdUpdated", { created: format.dateTime(asset.createdAt), updated: format.dateTime(asset.updatedAt) })}
      </Text>
    </Stack>
  );
}

/** Edits the descriptive fields; the version sent back makes a concurrent change a clear conflict. */
function OverviewForm({ asset, onDone }: { asset: Asset; onDone: () => void }) {
  const { t } = useTranslation();
  const kinds = useKindList();
  const kind = kinds.data?.find((k) => k.id === asset.kindId);
  const initial = assetFormValues(asset);
  const form = useForm(initial);
  const update = useUpdateAsset(asset.id);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const before = { ...toAssetBody(initial, kind), assetTag: initial.assetTag.trim() };
    const after = { ...toAssetBody(form.values, kind), assetTag: form.values.assetTag.trim() };
    const changes = changedFields(before, after);
    // The kind's fields are an object: compare their content, not the reference.
    if (JSON.stringify(before.fields) === JSON.stringify(after.fields)) delete changes.fields;
    if (Object.keys(changes).length === 0) return onDone();
    const result = validate(UpdateAssetBodySchema, { ...changes, version: asset.version }, t);
    const missing = missingKindFields(form.values, kind, t("validation.required"));
    if (!result.ok || Object.keys(missing).length > 0) return form.setErrors({ ...(result.ok ? {} : result.errors), ...missing });
    update.mutate(result.data, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("assets.saved") });
        onDone();
      },
      onError: (error) => form.setErrors({ ...serverFieldErrors(error, t), ...assetFieldErrors(error, t) }),
    });
  }

  const props = { values: form.values, errors: form.errors, setField: form.setField, kind, entityId: asset.entityId };
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <AssetErrorAlert error={update.error} />
        <Section title={t("assets.sections.identity")}><IdentityFields {...props} /></Section>
        <KindFields {...props} />
        <FinancialFields {...props} />
        <NotesField {...props} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t("common.cancel")}</Button>
          <Button type="submit" loading={update.isPending}>{t("common.save")}</Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AssetOverview({ asset, mayWrite }: { asset: Asset; mayWrite: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder radius="md" p="md">
      {mayWrite && !editing && (
        <Group justify="flex-end" mb={-8}>
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>{t("assets.edit")}</Button>
        </Group>
      )}
      {editing ? <OverviewForm key={asset.version} asset={asset} onDone={() => setEditing(false)} /> : <OverviewView asset={asset} />}
    </Paper>
  );
}
