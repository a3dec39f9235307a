import { Button, Group, Paper, Select, SimpleGrid, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CreateAssetBodySchema } from "../../../../shared/api/assets.js";
import { ASSET_STATUSES, type AssetStatus } from "../../../../shared/domain/assets.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { UserSelect } from "../../../components/UserSelect.js";
import { emptyToUndefined, useForm } from "../../../lib/use-form.js";
import { serverFieldErrors, validate } from "../../../lib/validation.js";
import { useMe } from "../../auth/useAuth.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { KindSelect } from "../references/KindSelect.js";
import { LocationSelect } from "../references/LocationSelect.js";
import { useKindList } from "../references/useReferences.js";
import { EMPTY_ASSET_FORM, missingKindFields, toAssetBody } from "./asset-form.js";
import { AssetErrorAlert, assetFieldErrors } from "./asset-ui.js";
import { FinancialFields, IdentityFields, KindFields, NotesField, Section } from "./AssetFormFields.js";
import { useCreateAsset } from "./useAssets.js";

const FIRST_STATUSES = ASSET_STATUSES.filter((s) => s !== "loaned" && s !== "disposed");

/** A new asset: kind first (it decides the tag pattern and the specific fields), then the rest. */
export function NewAssetPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const { scope } = useEntityScope();
  const kinds = useKindList();
  const create = useCreateAsset();
  const form = useForm(EMPTY_ASSET_FORM);
  const [kindId, setKindId] = useState<number | null>(null);
  const [entityId, setEntityId] = useState<number | null>(scope.entityId ?? me.entityId);
  const [status, setStatus] = useState<AssetStatus>("in_stock");
  const [locationId, setLocationId] = useState<number | null>(null);
  const [userId, setUserId] = useState<number | null>(null);
  const kind = kinds.data?.find((k) => k.id === kindId);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const body = {
      ...toAssetBody(form.values, kind), kindId: kindId ?? undefined, entityId: entityId ?? undefined, status,
      assetTag: emptyToUndefined(form.values.assetTag), locationId, userId,
    };
    const result = validate(CreateAssetBodySchema, body, t);
    const missing = missingKindFields(form.values, kind, t("validation.required"));
    if (!result.ok || Object.keys(missing).length > 0) return form.setErrors({ ...(result.ok ? {} : result.errors), ...missing });
    create.mutate(result.data, {
      onSuccess: (asset) => {
        notifications.show({ color: "green", message: t("assets.created", { tag: asset.assetTag }) });
        void navigate(`/assets/${asset.id}`);
      },
      onError: (error) => form.setErrors({ ...serverFieldErrors(error, t), ...assetFieldErrors(error, t) }),
    });
  }

  const props = { values: form.values, errors: form.errors, setField: form.setField, kind, entityId: entityId ?? undefined, isNew: true };
  return (
    <Stack maw={1000}>
      <PageHeader crumbs={[{ label: t("assets.title"), to: "/assets" }]} title={t("assets.new")} description={t("assets.newDescription")} />
      <Paper withBorder p="md" radius="md">
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="sm">
            <AssetErrorAlert error={create.error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <KindSelect label={t("assets.fields.kind")} value={kindId} required error={form.errors.kindId} onChange={(id) => {
                setKindId(id);
                form.setField("modelId", null);
              }} />
              <EntitySelect label={t("assets.fields.entity")} value={entityId} onChange={setEntityId} error={form.errors.entityId} />
            </SimpleGrid>
            <Section title={t("assets.sections.identity")}>
              <IdentityFields {...props} />
            </Section>
            <KindFields {...props} />
            <Section title={t("assets.sections.placement")}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select label={t("assets.fields.status")} data={FIRST_STATUSES.map((value) => ({ value, label: t(`assets.statuses.${value}`) }))}
                  value={status} onChange={(value) => value && setStatus(value as AssetStatus)} allowDeselect={false} />
                <LocationSelect label={t("assets.fields.location")} value={locationId} entityId={entityId ?? undefined}
                  onChange={setLocationId} error={form.errors.locationId} />
                <UserSelect label={t("assets.fields.user")} value={userId} onChange={setUserId} error={form.errors.userId} />
                <UserSelect label={t("assets.fields.techContact")} value={form.values.techContactId} error={form.errors.techContactId}
                  onChange={(id) => form.setField("techContactId", id)} />
              </SimpleGrid>
            </Section>
            <FinancialFields {...props} />
            <NotesField {...props} />
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={() => void navigate(-1)}>{t("common.cancel")}</Button>
              <Button type="submit" loading={create.isPending}>{t("common.create")}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
