import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ContactBodySchema, type SupplierContact } from "../../../../shared/api/asset-references.js";
import { emptyToNull, useForm } from "../../../lib/use-form.js";
import { validate } from "../../../lib/validation.js";
import { DeleteButton } from "./DeleteButton.js";
import { RefErrorAlert, refFieldErrors } from "./ref-errors.js";
import { useAddContact, useDeleteContact } from "./useSupplierMutations.js";

/** A supplier's contacts: who to call for an order, a repair, a renewal. */
export function SupplierContacts({ supplierId, contacts, mayWrite }: { supplierId: number; contacts: SupplierContact[]; mayWrite: boolean }) {
  const { t } = useTranslation();
  const remove = useDeleteContact();
  return (
    <Stack gap="xs">
      {contacts.length === 0 && <Text size="sm" c="dimmed">{t("assetRefs.suppliers.noContacts")}</Text>}
      {contacts.map((c) => (
        <Paper key={c.id} withBorder p="xs">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text size="sm" fw={600}>{c.name}{c.role ? ` · ${c.role}` : ""}</Text>
              <Text size="sm" c="dimmed">
                {[c.phone, c.email].filter(Boolean).join(" · ")}
              </Text>
            </div>
            {mayWrite && (
              <DeleteButton name={c.name} label={t("common.remove")} pending={remove.isPending} error={remove.error} reset={() => remove.reset()}
                onDelete={() => remove.mutateAsync({ supplierId, contactId: c.id })} />
            )}
          </Group>
        </Paper>
      ))}
      {mayWrite && <NewContact supplierId={supplierId} />}
    </Stack>
  );
}

function NewContact({ supplierId }: { supplierId: number }) {
  const { t } = useTranslation();
  const empty = { name: "", role: "", phone: "", email: "" };
  const form = useForm(empty);
  const add = useAddContact();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const result = validate(ContactBodySchema, { name: v.name.trim(), role: emptyToNull(v.role), phone: emptyToNull(v.phone), email: emptyToNull(v.email) }, t);
    if (!result.ok) return form.setErrors(result.errors);
    add.mutate({ supplierId, body: result.data }, { onSuccess: () => form.reset(empty), onError: (e) => form.setErrors(refFieldErrors(e, t)) });
  }

  return (
    <Paper withBorder p="sm" component="form" onSubmit={handleSubmit} noValidate>
      <Stack gap="xs">
        <Text size="sm" fw={600}>{t("assetRefs.suppliers.addContact")}</Text>
        <RefErrorAlert error={add.error} inForm />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("assetRefs.suppliers.contactName")} required value={form.values.name} error={form.errors.name}
            onChange={(e) => form.setField("name", e.currentTarget.value)} />
          <TextInput label={t("assetRefs.suppliers.contactRole")} value={form.values.role} error={form.errors.role}
            onChange={(e) => form.setField("role", e.currentTarget.value)} />
          <TextInput label={t("assetRefs.suppliers.phone")} type="tel" value={form.values.phone} error={form.errors.phone}
            onChange={(e) => form.setField("phone", e.currentTarget.value)} />
          <TextInput label={t("assetRefs.suppliers.email")} type="email" value={form.values.email} error={form.errors.email}
            onChange={(e) => form.setField("email", e.currentTarget.value)} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={add.isPending}>{t("assetRefs.suppliers.addContact")}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
