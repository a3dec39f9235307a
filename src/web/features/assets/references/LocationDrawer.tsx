import { Button, Drawer, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  CreateLocationBodySchema, type Location, UpdateLocationBodySchema,
} from "../../../../shared/api/asset-references.js";
import { LOCATION_TYPES, type LocationType } from "../../../../shared/domain/assets.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { changedFields } from "../../../lib/diff.js";
import { emptyToNull, useForm } from "../../../lib/use-form.js";
import { validate } from "../../../lib/validation.js";
import { DeleteButton } from "./DeleteButton.js";
import { RefErrorAlert, refFieldErrors } from "./ref-errors.js";
import { branchIds, useLocationList } from "./useReferences.js";
import { useCreateLocation, useDeleteLocation, useUpdateLocation } from "./useLocationMutations.js";

/** What the drawer edits: a location, or a new one (under a parent, or at the top of an entity). */
export type LocationTarget = { location: Location } | { parent: Location | null; entityId: number | null };

type Values = {
  name: string; entityId: number | null; parentId: number | null; locationType: LocationType;
  address: string; postcode: string; city: string; country: string; isActive: boolean;
};

function initialValues(target: LocationTarget): Values {
  if ("location" in target) {
    const l = target.location;
    return { name: l.name, entityId: l.entityId, parentId: l.parentId, locationType: l.locationType, address: l.address ?? "",
      postcode: l.postcode ?? "", city: l.city ?? "", country: l.country ?? "", isActive: l.isActive };
  }
  return { name: "", entityId: target.parent?.entityId ?? target.entityId, parentId: target.parent?.id ?? null,
    locationType: target.parent ? "room" : "site", address: "", postcode: "", city: "", country: "", isActive: true };
}

function toBody(v: Values) {
  return { name: v.name.trim(), parentId: v.parentId, locationType: v.locationType, address: emptyToNull(v.address),
    postcode: emptyToNull(v.postcode), city: emptyToNull(v.city), country: emptyToNull(v.country), isActive: v.isActive };
}

export function LocationDrawer({ target, mayWrite, onClose }: { target: LocationTarget; mayWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const editing = "location" in target ? target.location : null;
  const initial = initialValues(target);
  const form = useForm(initial);
  const create = useCreateLocation();
  const update = useUpdateLocation();
  const remove = useDeleteLocation();
  const mutation = editing ? update : create;
  // Possible parents: the places usable in the location's entity, minus its own branch.
  const places = useLocationList({ entityId: form.values.entityId ?? undefined, includeInactive: true });
  const excluded = editing ? branchIds(places.data ?? [], editing.id) : new Set<number>();
  const parents = (places.data ?? []).filter((l) => !excluded.has(l.id)).map((l) => ({ value: String(l.id), label: l.completeName }));

  function done(location: Location, key: "created" | "saved") {
    notifications.show({ color: "green", message: t(`assetRefs.common.${key}`, { name: location.name }) });
    onClose();
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const onError = (error: unknown) => form.setErrors(refFieldErrors(error, t));
    if (!editing) {
      const result = validate(CreateLocationBodySchema, { ...toBody(form.values), entityId: form.values.entityId ?? undefined }, t);
      if (!result.ok) return form.setErrors(result.errors);
      return create.mutate(result.data, { onSuccess: (l) => done(l, "created"), onError });
    }
    const changes = changedFields(toBody(initial), toBody(form.values));
    if (Object.keys(changes).length === 0) return onClose();
    const result = validate(UpdateLocationBodySchema, changes, t);
    if (!result.ok) return form.setErrors(result.errors);
    update.mutate({ id: editing.id, body: result.data }, { onSuccess: (l) => done(l, "saved"), onError });
  }

  const readOnly = !mayWrite;
  return (
    <Drawer opened onClose={onClose} position="right" size="lg"
      title={editing ? t("assetRefs.locations.editTitle", { name: editing.name }) : t("assetRefs.locations.new")}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          {editing && <Text size="sm" c="dimmed">{t("assetRefs.locations.entityLine", { entity: editing.entityName })}</Text>}
          <RefErrorAlert error={mutation.error} inForm />
          <TextInput label={t("assetRefs.common.name")} required value={form.values.name} error={form.errors.name} readOnly={readOnly}
            onChange={(e) => form.setField("name", e.currentTarget.value)} data-autofocus />
          {!editing && !form.values.parentId && (
            <EntitySelect label={t("assetRefs.locations.entity")} value={form.values.entityId} error={form.errors.entityId}
              onChange={(id) => form.setField("entityId", id)} />
          )}
          <Select label={t("assetRefs.locations.parent")} placeholder={t("assetRefs.locations.parentNone")} data={parents}
            value={form.values.parentId === null ? null : String(form.values.parentId)} error={form.errors.parentId}
            onChange={(v) => form.setField("parentId", v ? Number(v) : null)} searchable clearable readOnly={readOnly}
            comboboxProps={{ withinPortal: true }} />
          <Select label={t("assetRefs.locations.type")} required value={form.values.locationType} readOnly={readOnly}
            data={LOCATION_TYPES.map((type) => ({ value: type, label: t(`assetRefs.locationTypes.${type}`) }))}
            onChange={(v) => v && form.setField("locationType", v as LocationType)} allowDeselect={false} />
          <TextInput label={t("assetRefs.locations.address")} value={form.values.address} error={form.errors.address} readOnly={readOnly}
            onChange={(e) => form.setField("address", e.currentTarget.value)} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t("assetRefs.locations.postcode")} value={form.values.postcode} error={form.errors.postcode} readOnly={readOnly}
              onChange={(e) => form.setField("postcode", e.currentTarget.value)} />
            <TextInput label={t("assetRefs.locations.city")} value={form.values.city} error={form.errors.city} readOnly={readOnly}
              onChange={(e) => form.setField("city", e.currentTarget.value)} />
            <TextInput label={t("assetRefs.locations.country")} value={form.values.country} error={form.errors.country} readOnly={readOnly}
              onChange={(e) => form.setField("country", e.currentTarget.value)} />
          </SimpleGrid>
          <Switch label={t("assetRefs.common.active")} description={t("assetRefs.locations.activeHelp")} checked={form.values.isActive}
            disabled={readOnly} onChange={(e) => form.setField("isActive", e.currentTarget.checked)} />
          {mayWrite && (
            <Group justify="space-between" mt="sm">
              {editing && !editing.isUsed ? (
                <DeleteButton name={editing.name} pending={remove.isPending} error={remove.error} reset={() => remove.reset()}
                  onDelete={() => remove.mutateAsync(editing.id)} onDone={onClose} />
              ) : <span />}
              <Group>
                <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
                <Button type="submit" loading={mutation.isPending}>{editing ? t("common.save") : t("common.create")}</Button>
              </Group>
            </Group>
          )}
        </Stack>
      </form>
    </Drawer>
  );
}
