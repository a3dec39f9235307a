import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SavedView, SavedViewScope } from "../../../../shared/api/saved-views.js";
import type { QueueColumn } from "../../../../shared/domain/tickets.js";
import { isApiError } from "../../../api/client.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { errorText } from "../../../components/error-text.js";
import { type QueueQuery, normalizeQuery, sameQuery } from "./queue-params.js";
import { cleanColumns, useCreateSavedView, useDeleteSavedView, useSavedViews, useUpdateSavedView } from "./useQueue.js";

type NameModalProps = { title: string; initial: string; busy: boolean; error: unknown; onSave: (name: string) => void; onClose: () => void };

/** Asks for a view's name; a name already used shows under the field. */
function NameModal({ title, initial, busy, error, onSave, onClose }: NameModalProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [missing, setMissing] = useState(false);
  const taken = isApiError(error, "VIEW_NAME_TAKEN");
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setMissing(true);
    onSave(name.trim());
  }
  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!taken && <ApiErrorAlert error={error} />}
          <TextInput label={t("queue.viewName")} description={t("queue.viewNameHelp")} required data-autofocus maxLength={80} value={name}
            onChange={(event) => { setName(event.currentTarget.value); setMissing(false); }}
            error={missing ? t("validation.required") : taken ? t("errors.VIEW_NAME_TAKEN") : undefined} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type DeleteModalProps = { message: string; busy: boolean; error: unknown; onDelete: () => void; onClose: () => void };

function DeleteModal({ message, busy, error, onDelete, onClose }: DeleteModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t("queue.deleteViewTitle")}>
      <Stack gap="sm">
        <ApiErrorAlert error={error} />
        <Text size="sm">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
          <Button color="red" loading={busy} onClick={onDelete} data-autofocus>{t("common.delete")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type SavedViewsBarProps<C extends string> = {
  /** Which list the views are of. */
  scope: SavedViewScope;
  /** The list's current filters and sort, as a view keeps them (normalized: defaults and empty values left out). */
  query: Record<string, string>;
  columns: C[];
  /** Whether a view's saved query is the list's current one. */
  isCurrent: (saved: Record<string, string>) => boolean;
  /** A view's columns as the list shows them (its defaults for null). */
  columnsOf: (view: SavedView) => C[];
  /** The delete confirmation, which says what is not deleted. */
  deleteMessage: (name: string) => string;
  onApply: (view: SavedView) => void;
};

/**
 * The user's own views of a list, beside its built-in ones: one click applies a view's filters and
 * columns. The view matching the current filters is highlighted and can be renamed, given the
 * current columns, or deleted; "save as a view" keeps the current filters and columns.
 */
export function SavedViewsBar<C extends string>({ scope, query, columns, isCurrent, columnsOf, deleteMessage, onApply }: SavedViewsBarProps<C>) {
  const { t } = useTranslation();
  const views = useSavedViews(scope);
  const create = useCreateSavedView();
  const update = useUpdateSavedView();
  const remove = useDeleteSavedView();
  const [dialog, setDialog] = useState<"create" | "rename" | "delete" | null>(null);
  const active = views.data?.find((view) => isCurrent(view.query));
  const activeColumns = active ? columnsOf(active) : null;
  const columnsChanged = activeColumns !== null && activeColumns.join() !== columns.join();
  const done = (message: string) => () => {
    notifications.show({ color: "green", message });
    setDialog(null);
  };
  const close = () => {
    create.reset();
    update.reset();
    remove.reset();
    setDialog(null);
  };

  return (
    <Group gap={6} mb="sm" wrap="wrap" role="group" aria-label={t("queue.savedViews")}>
      <Text size="xs" c="dimmed" fw={600}>{t("queue.savedViews")}</Text>
      {views.data?.map((view) => (
        <Button key={view.id} size="compact-sm" variant={view === active ? "filled" : "default"} aria-pressed={view === active} onClick={() => onApply(view)}>
          {view.name}
        </Button>
      ))}
      {active && (
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={t("queue.viewActions", { name: active.name })}><span aria-hidden>⋯</span></ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setDialog("rename")}>{t("queue.renameView")}</Menu.Item>
            <Menu.Item disabled={!columnsChanged}
              onClick={() => update.mutate({ id: active.id, body: { columns } }, { onSuccess: done(t("queue.viewSaved", { name: active.name })),
                onError: (error) => notifications.show({ color: "red", message: errorText(error, t) }) })}>
              {t("queue.saveColumns")}
            </Menu.Item>
            <Menu.Item color="red" onClick={() => setDialog("delete")}>{t("queue.deleteView")}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      {!active && (
        <Button size="compact-sm" variant="subtle" onClick={() => setDialog("create")}>{t("queue.saveView")}</Button>
      )}
      {dialog === "create" && (
        <NameModal title={t("queue.saveViewTitle")} initial="" busy={create.isPending} error={create.error} onClose={close}
          onSave={(name) => create.mutate({ scope, name, query, columns }, { onSuccess: done(t("queue.viewSaved", { name })) })} />
      )}
      {dialog === "rename" && active && (
        <NameModal title={t("queue.renameViewTitle")} initial={active.name} busy={update.isPending} error={update.error} onClose={close}
          onSave={(name) => update.mutate({ id: active.id, body: { name } }, { onSuccess: done(t("queue.viewSaved", { name })) })} />
      )}
      {dialog === "delete" && active && (
        <DeleteModal message={deleteMessage(active.name)} busy={remove.isPending} error={remove.error} onClose={close}
          onDelete={() => remove.mutate(active.id, { onSuccess: done(t("queue.viewDeleted", { name: active.name })) })} />
      )}
    </Group>
  );
}

type SavedViewsProps = { query: QueueQuery; columns: QueueColumn[]; onApply: (view: SavedView) => void };

/** The queue's views. */
export function SavedViews({ query, columns, onApply }: SavedViewsProps) {
  const { t } = useTranslation();
  return (
    <SavedViewsBar scope="tickets" query={normalizeQuery(query)} columns={columns} isCurrent={(saved) => sameQuery(saved, query)}
      columnsOf={(view) => cleanColumns(view.columns)} deleteMessage={(name) => t("queue.deleteViewMessage", { name })} onApply={onApply} />
  );
}
