import { Badge, Button, Checkbox, Group, Modal, Skeleton, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Task } from "../../../shared/api/tickets.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { errorText } from "../../components/error-text.js";
import { useFormat } from "../../i18n/format.js";
import { TaskForm } from "./TaskForm.js";
import { formatMinutes } from "./ticket-ui.js";
import { useTasks, useUpdateTask } from "./useTickets.js";

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
  const [editing, setEditing] = useState<Task | null>(null);

  // The box ticks at once; it falls back to the saved value if the server refuses.
  const [ticking, setTicking] = useState<Record<number, boolean>>({});
  function toggle(task: Task, isDone: boolean) {
    setTicking((old) => ({ ...old, [task.id]: isDone }));
    update.mutate(
      { taskId: task.id, body: { isDone } },
      {
        onSuccess: () => notifications.show({ color: "green", message: isDone ? t("tasks.markedDone") : t("tasks.markedTodo") }),
        onError: (error) => notifications.show({ color: "red", message: errorText(error, t) }),
        onSettled: () => setTicking(({ [task.id]: _done, ...rest }) => rest),
      },
    );
  }

  return (
    <div className="table-scroll">
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t("tasks.edit")} size="lg">
        {editing && <TaskForm ticketId={ticketId} task={editing} onDone={() => setEditing(null)} />}
      </Modal>
      <Table verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>{t("tasks.done")}</Table.Th>
            <Table.Th>{t("tasks.description")}</Table.Th>
            <Table.Th>{t("tasks.technician")}</Table.Th>
            <Table.Th>{t("tasks.planned")}</Table.Th>
            <Table.Th ta="right">{t("tasks.minutes")}</Table.Th>
            {!readOnly && <Table.Th w={40}><VisuallyHidden>{t("tasks.editButton")}</VisuallyHidden></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id} data-done={task.isDone || undefined}>
              <Table.Td>
                <Checkbox
                  aria-label={t("tasks.doneLabel", { task: task.description })}
                  checked={ticking[task.id] ?? task.isDone}
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
              {!readOnly && (
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(task)}
                    aria-label={t("tasks.editLabel", { task: task.description })}>
                    {t("tasks.editButton")}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
