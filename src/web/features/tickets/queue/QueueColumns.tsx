import { Anchor, Button, Checkbox, Group, Popover, Stack, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Ticket } from "../../../../shared/api/tickets.js";
import { DEFAULT_QUEUE_COLUMNS, QUEUE_COLUMNS, type QueueColumn } from "../../../../shared/domain/tickets.js";
import { useFormat } from "../../../i18n/format.js";
import { SlaQueueCell } from "../../sla/TicketSla.js";
import { PriorityBadge, TicketStatusBadge, useRelativeTime } from "../ticket-ui.js";

/** "Groupe > Lyon > Comptabilité" → "Comptabilité": the full path is in the tooltip. */
function lastPart(completeName: string): string {
  return completeName.split(" > ").pop() ?? completeName;
}

function Dimmed({ children }: { children: ReactNode }) {
  return (
    <Text span c="dimmed" fz="sm">
      {children}
    </Text>
  );
}

function When({ iso }: { iso: string }) {
  const format = useFormat();
  const relative = useRelativeTime();
  return (
    <Tooltip label={format.dateTime(iso)} openDelay={300}>
      <span>{relative(iso)}</span>
    </Tooltip>
  );
}

function Due({ ticket }: { ticket: Ticket }) {
  const format = useFormat();
  const { t } = useTranslation();
  if (!ticket.dueAt) return <Dimmed>—</Dimmed>;
  const isLate = ticket.dueAt < new Date().toISOString() && !["solved", "closed"].includes(ticket.status);
  return (
    <Text span fz="sm" c={isLate ? "var(--mantine-color-error)" : undefined} fw={isLate ? 600 : undefined}>
      {format.dateTime(ticket.dueAt)}
      {isLate && <VisuallyHidden> ({t("queue.late")})</VisuallyHidden>}
    </Text>
  );
}

/** One cell of the queue: what each column shows of a ticket. */
export function QueueCell({ column, ticket }: { column: QueueColumn; ticket: Ticket }) {
  const { t } = useTranslation();
  switch (column) {
    case "number": return <span className="mono">{ticket.id}</span>;
    case "title":
      return (
        <Anchor component={Link} to={`/tickets/${ticket.id}`} fw={500} fz="sm" lineClamp={2}>
          {ticket.title}
        </Anchor>
      );
    case "status": return <TicketStatusBadge status={ticket.status} />;
    case "priority": return <PriorityBadge priority={ticket.priority} />;
    case "requester": return ticket.requesterName ?? ticket.contactName ?? <Dimmed>—</Dimmed>;
    case "assignee": return ticket.assigneeName ?? <Dimmed>{t("tickets.unassigned")}</Dimmed>;
    case "group": return ticket.groupName ?? <Dimmed>{t("tickets.noGroup")}</Dimmed>;
    case "level": return t("tickets.levelShort", { level: ticket.level });
    case "category": return ticket.categoryName ?? <Dimmed>—</Dimmed>;
    case "entity":
      return (
        <Text span fz="sm" title={ticket.entityName}>
          {lastPart(ticket.entityName)}
        </Text>
      );
    case "channel": return t(`tickets.channels.${ticket.channel}`);
    case "created": return <When iso={ticket.createdAt} />;
    case "updated": return <When iso={ticket.updatedAt} />;
    case "due": return <Due ticket={ticket} />;
    case "sla": return <SlaQueueCell ticket={ticket} />;
  }
}

/** Columns whose text should not wrap (numbers, dates, short words). */
export const NOWRAP_COLUMNS: readonly QueueColumn[] = ["number", "level", "channel", "created", "updated", "due", "sla", "status", "priority"];

type ColumnChooserProps<C extends string> = {
  /** Every column the list has, in the order they appear. */
  all: readonly C[];
  defaults: readonly C[];
  columns: C[];
  labelOf: (column: C) => string;
  onChange: (columns: C[]) => void;
};

/** Picks a list's columns: a checkbox each, in the order they appear; at least one stays. */
export function ColumnChooser<C extends string>({ all, defaults, columns, labelOf, onChange }: ColumnChooserProps<C>) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button variant="default" size="xs">
          {t("queue.columnsButton", { count: columns.length })}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label={t("queue.columnsLabel")}
          value={columns}
          onChange={(value) => value.length > 0 && onChange(all.filter((column) => value.includes(column)))}
        >
          <Stack gap={6} mt="xs">
            {all.map((column) => (
              <Checkbox
                key={column}
                value={column}
                label={labelOf(column)}
                size="xs"
                disabled={columns.length === 1 && columns[0] === column}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group justify="flex-end" mt="sm">
          <Button variant="subtle" size="compact-xs" onClick={() => onChange([...defaults])}>
            {t("queue.columnsDefault")}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The queue's columns. */
export function ColumnPicker({ columns, onChange }: { columns: QueueColumn[]; onChange: (columns: QueueColumn[]) => void }) {
  const { t } = useTranslation();
  return <ColumnChooser all={QUEUE_COLUMNS} defaults={DEFAULT_QUEUE_COLUMNS} columns={columns} labelOf={(column) => t(`queue.columns.${column}`)}
    onChange={onChange} />;
}
