import { Button, Drawer, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { type Category, CreateCategoryBodySchema, UpdateCategoryBodySchema } from "../../../shared/api/categories.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { changedFields } from "../../lib/diff.js";
import { emptyToNull, useForm } from "../../lib/use-form.js";
import { serverFieldErrors, validate } from "../../lib/validation.js";
import { CategoryFields, type CategoryFormValues } from "./CategoryFields.js";
import { useCreateCategory, useUpdateCategory } from "./useCategories.js";

/** What the drawer edits: an existing category, or a new one (maybe under a parent, in an entity). */
export type DrawerTarget = { category: Category } | { parent: Category | null; entityId: number | null };

function initialValues(target: DrawerTarget): CategoryFormValues {
  if ("category" in target) {
    const c = target.category;
    return {
      name: c.name, parentId: c.parentId, entityId: c.entityId, portalLabel: c.portalLabel ?? "", description: c.description ?? "",
      inPortal: c.inPortal, isActive: c.isActive, defaultType: c.defaultType, defaultGroupId: c.defaultGroupId,
      defaultUrgency: c.defaultUrgency, defaultImpact: c.defaultImpact,
    };
  }
  return {
    name: "", parentId: target.parent?.id ?? null, entityId: target.parent?.entityId ?? target.entityId, portalLabel: "",
    description: "", inPortal: true, isActive: true, defaultType: null, defaultGroupId: null, defaultUrgency: null, defaultImpact: null,
  };
}

/** The form values as the API takes them: empty texts are "none". */
function toBody(values: CategoryFormValues) {
  const { entityId: _entityId, ...rest } = values;
  return { ...rest, portalLabel: emptyToNull(values.portalLabel), description: emptyToNull(values.description) };
}

export function CategoryDrawer({ target, onClose }: { target: DrawerTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const editing = "category" in target ? target.category : null;
  const initial = initialValues(target);
  const form = useForm(initial);
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const mutation = editing ? update : create;

  function done(category: Category, message: "categories.created" | "categories.saved") {
    notifications.show({ color: "green", message: t(message, { name: category.name }) });
    onClose();
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const onError = (error: unknown) => form.setErrors(serverFieldErrors(error, t));
    if (!editing) {
      const body = { ...toBody(form.values), entityId: form.values.entityId ?? undefined };
      const result = validate(CreateCategoryBodySchema, body, t);
      if (!result.ok) return form.setErrors(result.errors);
      return create.mutate(result.data, { onSuccess: (category) => done(category, "categories.created"), onError });
    }
    const changes = changedFields(toBody(initial), toBody(form.values));
    if (Object.keys(changes).length === 0) return onClose();
    const result = validate(UpdateCategoryBodySchema, changes, t);
    if (!result.ok) return form.setErrors(result.errors);
    update.mutate({ id: editing.id, body: result.data }, { onSuccess: (category) => done(category, "categories.saved"), onError });
  }

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={editing ? t("categories.editTitle", { name: editing.name }) : t("categories.new")}
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          {editing && (
            <Text size="sm" c="dimmed">
              {t("categories.entityLine", { entity: editing.entityName })}
            </Text>
          )}
          <ApiErrorAlert error={mutation.error} />
          <CategoryFields
            values={form.values}
            errors={form.errors}
            setField={form.setField}
            isNew={!editing}
            excludeBranchOf={editing?.id}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {editing ? t("common.save") : t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
