import { Badge, Button, Checkbox, Group, NumberInput, Paper, SimpleGrid, Skeleton, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Task } from "../../../shared/api/tickets.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { errorText } from "../../components/error-text.js";
import { UserSelect } from "../../components/UserSelect.js";
import { useFormat } from "../../i18n/format.js";
import { formatMinutes, parseLocalDateTime } from "./ticket-ui.js";
import { useCreateTask, useTasks, useUpdateTask } from "./useTickets.js";

/** The work done on a ticket: who, when, how long; ticking "done" saves at once. */
export function TasksTab({ ticketId, readOnly }: { ticketId: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const tasks = useTasks(ticketId);

  return (
    <Stack gap="sm">
      <ApiErrorAlert error={tasks.error} />
      {tasks.isPending && <Skeleton h={120} />}
      {tasks.data && (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t("tasks.count", { count: tasks.data.data.length })}
            </Text>
            <Text size="sm" fw={600} data-testid="tasks-total">
              {t("tasks.total", { time: formatMinutes(tasks.data.totalMinutes) })}
            </Text>
          </Group>
          {tasks.data.data.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("tasks.empty")}
            </Text>
          ) : (
            <TaskTable ticketId={ticketId} tasks={tasks.data.data} readOnly={readOnly} />
          )}
        </>
      )}
      {!readOnly && <TaskForm ticketId={ticketId} />}
    </Stack>
  );
}

function TaskTable({ ticketId, tasks, readOnly }: { ticketId: number; tasks: Task[]; readOnly: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const update = useUpdateTask(ticketId);

  function toggle(task: Task, isDone: boolean) {
    update.mutate(
      { taskId: task.id, body: { isDone } },
      {
        onSuccess: () => notifications.show({ color: "green", message: isDone ? t("tasks.markedDone") : t("tasks.markedTodo") }),
        onError: (error) => notifications.show({ color: "red", message: errorText(error, t) }),
      },
    );
  }

  return (
    <div className="table-scroll">
      <Table verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>{t("tasks.done")}</Table.Th>
            <Table.Th>{t("tasks.description")}</Table.Th>
            <Table.Th>{t("tasks.technician")}</Table.Th>
            <Table.Th>{t("tasks.planned")}</Table.Th>
            <Table.Th ta="right">{t("tasks.minutes")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id} data-done={task.isDone || undefined}>
              <Table.Td>
                <Checkbox
                  aria-label={t("tasks.doneLabel", { task: task.description })}
                  checked={task.isDone}
                  disabled={readOnly}
                  onChange={(event) => toggle(task, event.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text fz="sm" td={task.isDone ? "line-through" : undefined} c={task.isDone ? "dimmed" : undefined}>
                    {task.description}
                  </Text>
                  {task.isPrivate && (
                    <Badge size="xs" color="orange" variant="filled" title={t("tickets.privateHelp")}>
                      {t("tickets.private")}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td className="nowrap">{task.technicianName ?? "—"}</Table.Td>
              <Table.Td className="nowrap">
                {task.plannedStart || task.plannedEnd
                  ? `${format.dateTime(task.plannedStart)} → ${format.dateTime(task.plannedEnd)}`
                  : "—"}
              </Table.Td>
              <Table.Td ta="right" className="nowrap">
                {formatMinutes(task.minutesSpent)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

const EMPTY = {
  description: "",
  technicianId: null as number | null,
  plannedStart: "",
  plannedEnd: "",
  minutesSpent: 0 as number | string,
  isDone: false,
  isPrivate: false,
};

function TaskForm({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const create = useCreateTask(ticketId);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof typeof EMPTY, string>>>({});
  const set = <K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) => {
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
      plannedEnd:
        plannedEnd === null
          ? t("validation.date")
          : plannedStart && plannedEnd && plannedEnd < plannedStart
            ? t("tasks.endBeforeStart")
            : undefined,
    };
    if (Object.values(next).some(Boolean)) return setErrors(next);
    create.mutate(
      {
        description: values.description.trim(),
        technicianId: values.technicianId ?? undefined,
        plannedStart: plannedStart ?? undefined,
        plannedEnd: plannedEnd ?? undefined,
        minutesSpent: Number(values.minutesSpent) || 0,
        isDone: values.isDone,
        isPrivate: values.isPrivate,
      },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("tasks.added") });
          setValues(EMPTY);
        },
      },
    );
  }

  return (
    <Paper withBorder radius="md" p="sm" component="form" onSubmit={submit} noValidate>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={6}>
        {t("tasks.add")}
      </Text>
      <Stack gap="xs">
        <ApiErrorAlert error={create.error} />
        <TextInput
          label={t("tasks.description")}
          required
          value={values.description}
          onChange={(event) => set("description", event.currentTarget.value)}
          error={errors.description}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs">
          <UserSelect label={t("tasks.technician")} value={values.technicianId} onChange={(value) => set("technicianId", value)} />
          <TextInput
            type="datetime-local"
            label={t("tasks.plannedStart")}
            value={values.plannedStart}
            onChange={(event) => set("plannedStart", event.currentTarget.value)}
            error={errors.plannedStart}
          />
          <TextInput
            type="datetime-local"
            label={t("tasks.plannedEnd")}
            value={values.plannedEnd}
            onChange={(event) => set("plannedEnd", event.currentTarget.value)}
            error={errors.plannedEnd}
          />
          <NumberInput
            label={t("tasks.minutes")}
            min={0}
            max={100_000}
            step={5}
            allowDecimal={false}
            value={values.minutesSpent}
            onChange={(value) => set("minutesSpent", value)}
          />
        </SimpleGrid>
        <Group justify="space-between">
          <Group gap="md">
            <Checkbox label={t("tasks.done")} checked={values.isDone} onChange={(event) => set("isDone", event.currentTarget.checked)} />
            <Checkbox
              label={`${t("tickets.private")} — ${t("tickets.privateHelp")}`}
              checked={values.isPrivate}
              onChange={(event) => set("isPrivate", event.currentTarget.checked)}
            />
          </Group>
          <Button type="submit" loading={create.isPending}>
            {t("tasks.addButton")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
