import { Button, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Task } from "../../../shared/api/tickets.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { UserSelect } from "../../components/UserSelect.js";
import { parseLocalDateTime } from "./ticket-ui.js";
import { useCreateTask, useUpdateTask } from "./useTickets.js";

type Values = {
  description: string;
  technicianId: number | null;
  plannedStart: string;
  plannedEnd: string;
  minutesSpent: number | string;
  isDone: boolean;
  isPrivate: boolean;
};

const EMPTY: Values = { description: "", technicianId: null, plannedStart: "", plannedEnd: "", minutesSpent: 0, isDone: false, isPrivate: false };

/** ISO → the "YYYY-MM-DDTHH:MM" a datetime-local input shows, in the browser's zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function valuesOf(task: Task): Values {
  return {
    description: task.description, technicianId: task.technicianId, plannedStart: toLocalInput(task.plannedStart),
    plannedEnd: toLocalInput(task.plannedEnd), minutesSpent: task.minutesSpent, isDone: task.isDone, isPrivate: task.isPrivate,
  };
}

/** A new task, or the change of one (`task`): what to do, who, when, how long. */
export function TaskForm({ ticketId, task, onDone }: { ticketId: number; task?: Task; onDone?: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTask(ticketId);
  const update = useUpdateTask(ticketId);
  const mutation = task ? update : create;
  const [values, setValues] = useState<Values>(task ? valuesOf(task) : EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((old) => ({ ...old, [key]: value }));
    setErrors((old) => ({ ...old, [key]: undefined }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const plannedStart = parseLocalDateTime(values.plannedStart);
    const plannedEnd = parseLocalDateTime(values.plannedEnd);
    const next: typeof errors = {
      description: values.description.trim() ? undefined : t("validation.required"),
      plannedStart: plannedStart === null ? t("validation.date") : undefined,
      plannedEnd: plannedEnd === null ? t("validation.date")
        : plannedStart && plannedEnd && plannedEnd < plannedStart ? t("tasks.endBeforeStart") : undefined,
    };
    if (Object.values(next).some(Boolean)) return setErrors(next);
    const fields = {
      description: values.description.trim(), minutesSpent: Number(values.minutesSpent) || 0,
      isDone: values.isDone, isPrivate: values.isPrivate,
    };
    const done = (message: string) => () => {
      notifications.show({ color: "green", message });
      if (!task) setValues(EMPTY);
      onDone?.();
    };
    if (task) {
      // An emptied field clears it: the API takes null for "no technician", "not planned".
      update.mutate({ taskId: task.id, body: { ...fields, technicianId: values.technicianId, plannedStart: plannedStart ?? null, plannedEnd: plannedEnd ?? null } },
        { onSuccess: done(t("tasks.updated")) });
    } else {
      create.mutate({ ...fields, technicianId: values.technicianId ?? undefined, plannedStart: plannedStart ?? undefined, plannedEnd: plannedEnd ?? undefined },
        { onSuccess: done(t("tasks.added")) });
    }
  }

  return (
    <Paper withBorder={!task} radius="md" p={task ? 0 : "sm"} component="form" onSubmit={submit} noValidate>
      {!task && <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={6}>{t("tasks.add")}</Text>}
      <Stack gap="xs">
        <ApiErrorAlert error={mutation.error} />
        <TextInput label={t("tasks.description")} required value={values.description} error={errors.description}
          onChange={(event) => set("description", event.currentTarget.value)} data-autofocus={task ? true : undefined} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: task ? 2 : 4 }} spacing="xs">
          <UserSelect label={t("tasks.technician")} value={values.technicianId} initialLabel={task?.technicianName}
            onChange={(value) => set("technicianId", value)} />
          <TextInput type="datetime-local" label={t("tasks.plannedStart")} value={values.plannedStart} error={errors.plannedStart}
            onChange={(event) => set("plannedStart", event.currentTarget.value)} />
          <TextInput type="datetime-local" label={t("tasks.plannedEnd")} value={values.plannedEnd} error={errors.plannedEnd}
            onChange={(event) => set("plannedEnd", event.currentTarget.value)} />
          <NumberInput label={t("tasks.minutes")} min={0} max={100_000} step={5} allowDecimal={false} value={values.minutesSpent}
            onChange={(value) => set("minutesSpent", value)} />
        </SimpleGrid>
        <Group justify="space-between">
          <Group gap="md">
            <Checkbox label={t("tasks.done")} checked={values.isDone} onChange={(event) => set("isDone", event.currentTarget.checked)} />
            <Checkbox label={`${t("tickets.private")} — ${t("tickets.privateHelp")}`} checked={values.isPrivate}
              onChange={(event) => set("isPrivate", event.currentTarget.checked)} />
          </Group>
          <Button type="submit" loading={mutation.isPending}>{task ? t("common.save") : t("tasks.addButton")}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
