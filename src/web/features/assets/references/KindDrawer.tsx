import { Button, Divider, Drawer, Group, Select, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { type AssetKind, CreateKindBodySchema, UpdateKindBodySchema } from "../../../../shared/api/asset-references.js";
import { ASSET_FAMILIES, type AssetFamily } from "../../../../shared/domain/assets.js";
import { changedFields } from "../../../lib/diff.js";
import { emptyToNull, useForm } from "../../../lib/use-form.js";
import { validate } from "../../../lib/validation.js";
import { DeleteButton } from "./DeleteButton.js";
import { KindFields } from "./KindFields.js";
import { useKindName } from "./kind-name.js";
import { RefErrorAlert, refFieldErrors } from "./ref-errors.js";
import { useCreateKind, useDeleteKind, useUpdateKind } from "./useCatalogMutations.js";

type Values = { name: string; family: AssetFamily; tagPattern: string; isActive: boolean };

function toBody(v: Values) {
  return { name: v.name.trim(), family: v.family, tagPattern: emptyToNull(v.tagPattern), isActive: v.isActive };
}

/** A kind's name, family, tag pattern and state, and below, when it exists, its fields. */
export function KindDrawer({ kind, mayWrite, onClose, onCreated }: {
  kind: AssetKind | null; mayWrite: boolean; onClose: () => void;
  /** A new kind reopens as itself, to add its fields straight away. */
  onCreated: (created: AssetKind) => void;
}) {
  const { t } = useTranslation();
  const kindName = useKindName();
  const initial: Values = kind
    ? { name: kind.name, family: kind.family, tagPattern: kind.tagPattern ?? "", isActive: kind.isActive }
    : { name: "", family: "other", tagPattern: "", isActive: true };
  const form = useForm(initial);
  const create = useCreateKind();
  const update = useUpdateKind();
  const remove = useDeleteKind();
  const mutation = kind ? update : create;
  const readOnly = !mayWrite;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const onError = (error: unknown) => form.setErrors(refFieldErrors(error, t));
    const onSuccess = (saved: AssetKind) => {
      notifications.show({ color: "green", message: t(kind ? "assetRefs.common.saved" : "assetRefs.common.created", { name: saved.name }) });
      if (kind) onClose();
      else onCreated(saved);
    };
    if (!kind) {
      const result = validate(CreateKindBodySchema, toBody(form.values), t);
      if (!result.ok) return form.setErrors(tagPatternMessage(result.errors, t("assetRefs.kindAdmin.tagPatternInvalid")));
      return create.mutate(result.data, { onSuccess, onError });
    }
    const changes = changedFields(toBody(initial), toBody(form.values));
    if (Object.keys(changes).length === 0) return onClose();
    const result = validate(UpdateKindBodySchema, changes, t);
    if (!result.ok) return form.setErrors(tagPatternMessage(result.errors, t("assetRefs.kindAdmin.tagPatternInvalid")));
    update.mutate({ id: kind.id, body: result.data }, { onSuccess, onError });
  }

  const shown = kind;
  return (
    <Drawer opened onClose={onClose} position="right" size="xl"
      title={shown ? t("assetRefs.kindAdmin.editTitle", { name: kindName(shown) }) : t("assetRefs.kindAdmin.new")}>
      <Stack gap="sm">
        {shown?.isBuiltin && <Text size="sm" c="dimmed">{t("assetRefs.kindAdmin.builtinNote")}</Text>}
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="sm">
            <RefErrorAlert error={mutation.error} inForm />
            <TextInput label={t("assetRefs.common.name")} required value={form.values.name} error={form.errors.name} readOnly={readOnly}
              onChange={(e) => form.setField("name", e.currentTarget.value)} data-autofocus />
            <Select label={t("assetRefs.kindAdmin.family")} required value={form.values.family} allowDeselect={false}
              readOnly={readOnly || kind?.isBuiltin} error={form.errors.family}
              data={ASSET_FAMILIES.map((f) => ({ value: f, label: t(`assetRefs.families.${f}`) }))}
              onChange={(v) => v && form.setField("family", v as AssetFamily)} />
            <TextInput label={t("assetRefs.kindAdmin.tagPattern")} description={t("assetRefs.kindAdmin.tagPatternHelp")}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
              value={form.values.tagPattern} error={form.errors.tagPattern} readOnly={readOnly} placeholder="PC-{YYYY}-{#####}"
              onChange={(e) => form.setField("tagPattern", e.currentTarget.value)} />
            <Switch label={t("assetRefs.common.active")} checked={form.values.isActive} disabled={readOnly}
              onChange={(e) => form.setField("isActive", e.currentTarget.checked)} />
            {mayWrite && (
              <Group justify="space-between">
                {kind && !kind.isBuiltin && !kind.isUsed ? (
                  <DeleteButton name={kind.name} pending={remove.isPending} error={remove.error} reset={() => remove.reset()}
                    onDelete={() => remove.mutateAsync(kind.id)} onDone={onClose} />
                ) : <span />}
                <Group>
                  <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
                  <Button type="submit" loading={mutation.isPending}>{kind ? t("common.save") : t("common.create")}</Button>
                </Group>
              </Group>
            )}
          </Stack>
        </form>
        {shown && (
          <>
            <Divider my="sm" />
            <Title order={3} size="h4">{t("assetRefs.kindAdmin.fields")}</Title>
            <KindFields kindId={shown.id} mayWrite={mayWrite} />
          </>
        )}
      </Stack>
    </Drawer>
  );
}

/** The pattern's rule is a custom check: say it in words rather than "invalid". */
function tagPatternMessage(errors: Record<string, string>, message: string) {
  return errors.tagPattern ? { ...errors, tagPattern: message } : errors;
}
