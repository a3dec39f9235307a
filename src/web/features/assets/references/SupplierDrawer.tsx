import { Button, Divider, Drawer, Group, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { CreateSupplierBodySchema, type Supplier, UpdateSupplierBodySchema } from "../../../../shared/api/asset-references.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { changedFields } from "../../../lib/diff.js";
import { emptyToNull, useForm } from "../../../lib/use-form.js";
import { validate } from "../../../lib/validation.js";
import { DeleteButton } from "./DeleteButton.js";
import { RefErrorAlert, refFieldErrors } from "./ref-errors.js";
import { SupplierContacts } from "./SupplierContacts.js";
import { useCreateSupplier, useDeleteSupplier, useUpdateSupplier } from "./useSupplierMutations.js";
import { useSupplier } from "./useReferences.js";

type Values = { name: string; entityId: number | null; phone: string; email: string; website: string; address: string; notes: string; isActive: boolean };
const TEXTS = ["phone", "email", "website", "address", "notes"] as const;

function toBody(v: Values) {
  return { name: v.name.trim(), ...Object.fromEntries(TEXTS.map((k) => [k, emptyToNull(v[k])])), isActive: v.isActive };
}

/** A supplier's details and, once it exists, its contacts. */
export function SupplierDrawer({ supplier, entityId, mayWrite, onClose, onCreated }: {
  supplier: Supplier | null; entityId: number | null; mayWrite: boolean; onClose: () => void;
  /** A new supplier reopens as itself, to add its contacts straight away. */
  onCreated: (created: Supplier) => void;
}) {
  const { t } = useTranslation();
  const initial: Values = supplier
    ? { name: supplier.name, entityId: supplier.entityId, phone: supplier.phone ?? "", email: supplier.email ?? "", website: supplier.website ?? "",
      address: supplier.address ?? "", notes: supplier.notes ?? "", isActive: supplier.isActive }
    : { name: "", entityId, phone: "", email: "", website: "", address: "", notes: "", isActive: true };
  const form = useForm(initial);
  const create = useCreateSupplier();
  const update = useUpdateSupplier();
  const remove = useDeleteSupplier();
  const mutation = supplier ? update : create;
  const readOnly = !mayWrite;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const onError = (error: unknown) => form.setErrors(refFieldErrors(error, t));
    const onSuccess = (saved: Supplier) => {
      notifications.show({ color: "green", message: t(supplier ? "assetRefs.common.saved" : "assetRefs.common.created", { name: saved.name }) });
      if (supplier) onClose();
      else onCreated(saved);
    };
    if (!supplier) {
      const result = validate(CreateSupplierBodySchema, { ...toBody(form.values), entityId: form.values.entityId ?? undefined }, t);
      if (!result.ok) return form.setErrors(result.errors);
      return create.mutate(result.data, { onSuccess, onError });
    }
    const changes = changedFields(toBody(initial), toBody(form.values));
    if (Object.keys(changes).length === 0) return onClose();
    const result = validate(UpdateSupplierBodySchema, changes, t);
    if (!result.ok) return form.setErrors(result.errors);
    update.mutate({ id: supplier.id, body: result.data }, { onSuccess, onError });
  }

  // Once created, the drawer stays open on the new supplier so its contacts can be added.
  const fresh = useSupplier(supplier ? supplier.id : null);
  const shown = fresh.data ?? supplier;
  const text = (key: (typeof TEXTS)[number], label: string, type?: string) => (
    <TextInput label={label} type={type} value={form.values[key]} error={form.errors[key]} readOnly={readOnly}
      onChange={(e) => form.setField(key, e.currentTarget.value)} />
  );
  return (
    <Drawer opened onClose={onClose} position="right" size="lg"
      title={shown ? t("assetRefs.suppliers.editTitle", { name: shown.name }) : t("assetRefs.suppliers.new")}>
      <Stack gap="sm">
        {shown && <Text size="sm" c="dimmed">{t("assetRefs.locations.entityLine", { entity: shown.entityName })}</Text>}
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="sm">
            <RefErrorAlert error={mutation.error} inForm />
            <TextInput label={t("assetRefs.common.name")} required value={form.values.name} error={form.errors.name} readOnly={readOnly}
              onChange={(e) => form.setField("name", e.currentTarget.value)} data-autofocus />
            {!supplier && (
              <EntitySelect label={t("assetRefs.suppliers.entity")} value={form.values.entityId} error={form.errors.entityId}
                onChange={(id) => form.setField("entityId", id)} />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text("phone", t("assetRefs.suppliers.phone"), "tel")}
              {text("email", t("assetRefs.suppliers.email"), "email")}
            </SimpleGrid>
            {text("website", t("assetRefs.suppliers.website"), "url")}
            <Textarea label={t("assetRefs.suppliers.address")} autosize minRows={2} value={form.values.address} error={form.errors.address}
              readOnly={readOnly} onChange={(e) => form.setField("address", e.currentTarget.value)} />
            <Textarea label={t("assetRefs.suppliers.notes")} autosize minRows={2} value={form.values.notes} error={form.errors.notes}
              readOnly={readOnly} onChange={(e) => form.setField("notes", e.currentTarget.value)} />
            <Switch label={t("assetRefs.common.active")} checked={form.values.isActive} disabled={readOnly}
              onChange={(e) => form.setField("isActive", e.currentTarget.checked)} />
            {mayWrite && (
              <Group justify="space-between">
                {supplier && !supplier.isUsed ? (
                  <DeleteButton name={supplier.name} pending={remove.isPending} error={remove.error} reset={() => remove.reset()}
                    onDelete={() => remove.mutateAsync(supplier.id)} onDone={onClose} />
                ) : <span />}
                <Group>
                  <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
                  <Button type="submit" loading={mutation.isPending}>{supplier ? t("common.save") : t("common.create")}</Button>
                </Group>
              </Group>
            )}
          </Stack>
        </form>
        <Divider my="sm" />
        <Title order={3} size="h4">{t("assetRefs.suppliers.contacts")}</Title>
        {shown ? <SupplierContacts supplierId={shown.id} contacts={shown.contacts} mayWrite={mayWrite} />
          : <Text size="sm" c="dimmed">{t("assetRefs.suppliers.contactsAfterCreate")}</Text>}
      </Stack>
    </Drawer>
  );
}
