import { Checkbox, Kbd, Skeleton, Table, Text } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Ticket } from "../../../../shared/api/tickets.js";
import type { QueueColumn } from "../../../../shared/domain/tickets.js";
import { errorText } from "../../../components/error-text.js";
import { useTakeTicket } from "../useTickets.js";
import { NOWRAP_COLUMNS, QueueCell } from "./QueueColumns.js";
import type { Selection } from "./useQueue.js";

/**
 * The queue's keys act on the list, not on what has the focus: nothing while typing in a field
 * or working in a dialog or menu, and Enter is left to a focused button or link.
 */
function isForTheList(event: KeyboardEvent, key: string): boolean {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest("[role=dialog], [role=menu], [role=listbox], .mantine-Popover-dropdown")) return false;
  if (key === "Enter" && target?.closest("button, a, [role=button], [role=option], [role=menuitem]")) return false;
  return true;
}

type QueueTableProps = {
  items: Ticket[];
  isPending: boolean;
  isError: boolean;
  columns: QueueColumn[];
  /** Null for someone who may not change tickets: no checkboxes, no "a" to take. */
  selection: Selection | null;
  onOpen: (id: number) => void;
};

export function QueueTable({ items, isPending, isError, columns, selection, onOpen }: QueueTableProps) {
  const { t } = useTranslation();
  const take = useTakeTicket();
  const [focused, setFocused] = useState(0);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const current: Ticket | undefined = items[Math.min(focused, items.length - 1)];

  // Keep the focused row on screen as j / k move through a long list.
  useEffect(() => {
    bodyRef.current?.querySelector("[aria-current='true']")?.scrollIntoView({ block: "nearest" });
  }, [focused]);

  function takeCurrent() {
    if (!current || !selection || take.isPending) return;
    take.mutate(current, {
      onSuccess: (ticket) => notifications.show({ color: "green", message: t("tickets.taken", { id: ticket.id }) }),
      onError: (error) => notifications.show({ color: "red", message: errorText(error, t) }),
    });
  }

  const keys: [string, () => void][] = [
    ["j", () => setFocused((index) => Math.min(index + 1, Math.max(items.length - 1, 0)))],
    ["k", () => setFocused((index) => Math.max(index - 1, 0))],
    ["Enter", () => current && onOpen(current.id)],
    ["a", takeCurrent],
    ["x", () => current && selection?.toggle(current.id)],
  ];
  useHotkeys(keys.map(([key, run]) => [key, (event: KeyboardEvent) => isForTheList(event, key) && run()]));

  if (isPending) return <Skeleton h={240} />;
  if (isError) return null;
  if (items.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {t("tickets.empty")}
      </Text>
    );
  }
  const pageIds = items.map((ticket) => ticket.id);
  const checkedOnPage = selection ? pageIds.filter((id) => selection.ids.has(id)).length : 0;
  return (
    <div className="table-scroll">
      <Table highlightOnHover verticalSpacing={6} fz="sm" className="ticket-queue">
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t("queue.selectPage")}
                  size="xs"
                  checked={checkedOnPage === pageIds.length}
                  indeterminate={checkedOnPage > 0 && checkedOnPage < pageIds.length}
                  onChange={(event) => selection.setAll(pageIds, event.currentTarget.checked)}
                />
              </Table.Th>
            )}
            {columns.map((column) => (
              <Table.Th key={column} className="nowrap">
                {t(`queue.columns.${column}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={bodyRef}>
          {items.map((ticket, index) => {
            const isCurrent = ticket.id === current?.id;
            const isChecked = selection?.ids.has(ticket.id) ?? false;
            return (
              <Table.Tr
                key={ticket.id}
                aria-current={isCurrent || undefined}
                data-selected={isCurrent || undefined}
                // The focused row keeps the stylesheet's blue and its bar; checked rows get another tint.
                bg={isChecked && !isCurrent ? "var(--mantine-color-violet-light)" : undefined}
                onClick={() => setFocused(index)}
                onDoubleClick={() => onOpen(ticket.id)}
              >
                {selection && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t("queue.selectTicket", { id: ticket.id })}
                      size="xs"
                      checked={isChecked}
                      onChange={() => selection.toggle(ticket.id)}
                    />
                  </Table.Td>
                )}
                {columns.map((column) => (
                  <Table.Td key={column} className={NOWRAP_COLUMNS.includes(column) ? "nowrap" : undefined} miw={column === "title" ? 240 : undefined}>
                    <QueueCell column={column} ticket={ticket} />
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4} visibleFrom="sm">
        <Kbd size="xs">j</Kbd> <Kbd size="xs">k</Kbd> {t("queue.keyMove")} · <Kbd size="xs">Enter</Kbd> {t("queue.keyOpen")} ·{" "}
        <Kbd size="xs">a</Kbd> {t("tickets.takeHint")}
        {selection && (
          <>
            {" "}· <Kbd size="xs">x</Kbd> {t("queue.keySelect")}
          </>
        )}
      </Text>
    </div>
  );
}
