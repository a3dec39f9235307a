import { ActionIcon, Anchor, Badge, Button, Group, Menu, Modal, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Category } from "../../../shared/api/categories.js";
import { priorityOf } from "../../../shared/domain/tickets.js";
import { isApiError } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { errorText } from "../../components/error-text.js";
import { PriorityBadge } from "../tickets/ticket-ui.js";
import { useDeleteCategory, usePriorityMatrix, useUpdateCategory } from "./useCategories.js";

type TreeProps = {
  categories: Category[];
  /** Indented by depth; off while searching, where the complete name says where each one is. */
  indent: boolean;
  mayWrite: boolean;
  onEdit: (category: Category) => void;
  onAddChild: (parent: Category) => void;
};

function DotsIcon() {
  return (
    <svg width={18} height={18} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
      <circle cx="5" cy="12" r="1.8" />
      <circle cx="12" cy="12" r="1.8" />
      <circle cx="19" cy="12" r="1.8" />
    </svg>
  );
}

function NameCell({ category, indent, minDepth, mayWrite, onEdit }: { category: Category; indent: boolean; minDepth: number; mayWrite: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const name = indent ? category.name : category.completeName;
  return (
    <Table.Td style={{ paddingInlineStart: indent ? `calc(${category.depth - minDepth} * 1.5rem + 0.75rem)` : undefined }}>
      <Stack gap={0}>
        {mayWrite ? (
          <Anchor component="button" type="button" fw={500} ta="start" onClick={onEdit} c={category.isActive ? undefined : "dimmed"}>
            {name}
          </Anchor>
        ) : (
          <Text fw={500} size="sm" c={category.isActive ? undefined : "dimmed"}>
            {name}
          </Text>
        )}
        {category.inPortal && category.portalLabel && (
          <Text size="xs" c="dimmed" fs="italic">
            {t("categories.portalSays", { label: category.portalLabel })}
          </Text>
        )}
      </Stack>
    </Table.Td>
  );
}

function DefaultsCells({ category }: { category: Category }) {
  const { t } = useTranslation();
  const matrix = usePriorityMatrix();
  const hasPriority = category.defaultUrgency !== null || category.defaultImpact !== null;
  return (
    <>
      <Table.Td>{category.defaultType ? t(`tickets.types.${category.defaultType}`) : "—"}</Table.Td>
      <Table.Td>{category.defaultGroupName ?? "—"}</Table.Td>
      <Table.Td>
        {hasPriority ? <PriorityBadge priority={priorityOf(matrix, category.defaultUrgency ?? 3, category.defaultImpact ?? 3)} /> : "—"}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {category.inPortal && (
            <Badge size="sm" variant="light" color="blue">
              {t("categories.inPortalBadge")}
            </Badge>
          )}
          {!category.isActive && (
            <Badge size="sm" variant="outline" color="gray">
              {t("common.inactive")}
            </Badge>
          )}
        </Group>
      </Table.Td>
    </>
  );
}

function RowActions({ category, hasChildren, onEdit, onAddChild, onDelete }: {
  category: Category; hasChildren: boolean; onEdit: () => void; onAddChild: () => void; onDelete: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateCategory();
  const deletable = !category.isUsed && !hasChildren;
  function toggleActive() {
    const isActive = !category.isActive;
    update.mutate({ id: category.id, body: { isActive } }, {
      onSuccess: () => notifications.show({ color: "green", message: t(isActive ? "categories.reactivated" : "categories.deactivated", { name: category.name }) }),
      onError: (error) => notifications.show({
        color: "red",
        message: isApiError(error, "VALIDATION_FAILED") ? t("categories.reactivateParentFirst") : errorText(error, t),
      }),
    });
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t("categories.actionsFor", { name: category.name })} loading={update.isPending}>
          <DotsIcon />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={onEdit}>{t("categories.edit")}</Menu.Item>
        <Menu.Item onClick={onAddChild}>{t("categories.newChild")}</Menu.Item>
        <Menu.Item onClick={toggleActive}>{category.isActive ? t("categories.deactivate") : t("categories.reactivate")}</Menu.Item>
        <Menu.Divider />
        {deletable ? (
          <Menu.Item color="red" onClick={onDelete}>
            {t("categories.delete")}
          </Menu.Item>
        ) : (
          <Menu.Label maw={260} style={{ whiteSpace: "normal" }}>{t("categories.cannotDelete")}</Menu.Label>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

function DeleteModal({ category, onClose }: { category: Category | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteCategory();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={category !== null} onClose={close} title={t("categories.deleteTitle")} centered>
      <Stack>
        <Text size="sm">{t("categories.deleteMessage", { name: category?.completeName ?? "" })}</Text>
        <ApiErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common.cancel")}
          </Button>
          <Button color="red" data-autofocus loading={remove.isPending} onClick={() => category && remove.mutate(category.id, {
            onSuccess: () => {
              notifications.show({ color: "green", message: t("categories.deleted", { name: category.name }) });
              close();
            },
          })}>
            {t("categories.delete")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The tree as an indented table: name and portal words, defaults, state, and the row's actions. */
export function CategoryTree({ categories, indent, mayWrite, onEdit, onAddChild }: TreeProps) {
  const { t } = useTranslation();
  const [deleting, setDeleting] = useState<Category | null>(null);
  const minDepth = Math.min(...categories.map((category) => category.depth));
  const parents = new Set(categories.map((category) => category.parentId));
  return (
    <div className="table-scroll">
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("categories.columns.name")}</Table.Th>
            <Table.Th>{t("categories.columns.type")}</Table.Th>
            <Table.Th>{t("categories.columns.group")}</Table.Th>
            <Table.Th>{t("categories.columns.priority")}</Table.Th>
            <Table.Th>{t("categories.columns.state")}</Table.Th>
            {mayWrite && <Table.Th><VisuallyHidden>{t("common.actions")}</VisuallyHidden></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {categories.map((category) => (
            <Table.Tr key={category.id}>
              <NameCell category={category} indent={indent} minDepth={minDepth} mayWrite={mayWrite} onEdit={() => onEdit(category)} />
              <DefaultsCells category={category} />
              {mayWrite && (
                <Table.Td ta="end">
                  <RowActions category={category} hasChildren={parents.has(category.id)} onEdit={() => onEdit(category)}
                    onAddChild={() => onAddChild(category)} onDelete={() => setDeleting(category)} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <DeleteModal category={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}
