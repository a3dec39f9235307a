import {
  Anchor,
  Button,
  Group,
  Kbd,
  MultiSelect,
  SegmentedControl,
  Select,
  Skeleton,
  Table,
  Text,
  Tooltip,
} from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { COUNTED_VIEWS, type Ticket, type TicketCounts } from "../../../shared/api/tickets.js";
import {
  SCALE,
  SUPPORT_LEVELS,
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_TYPES,
  TICKET_VIEWS,
  type TicketType,
  type TicketView,
} from "../../../shared/domain/tickets.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { PhoneIcon } from "../../components/icons.js";
import { errorText } from "../../components/error-text.js";
import { LoadMore } from "../../components/LoadMore.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useFormat } from "../../i18n/format.js";
import { can } from "../../lib/permissions.js";
import { useMe } from "../auth/useAuth.js";
import { useEntityScope } from "../shell/entity-scope.js";
import { PriorityBadge, TicketStatusBadge, useRelativeTime } from "./ticket-ui.js";
import { type TicketFilters, useTakeTicket, useTicketCounts, useTicketList } from "./useTickets.js";

type Sort = (typeof TICKET_SORTS)[number];

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return (values as readonly string[]).includes(value ?? "") ? (value as T) : fallback;
}

/** The technicians' queue. Filters live in the URL, so "back" from a ticket keeps them. */
export function TicketsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { scopeQuery } = useEntityScope();
  const [params, setParams] = useSearchParams();
  const view = oneOf<TicketView>(TICKET_VIEWS, params.get("view"), "open");
  const sort = oneOf<Sort>(TICKET_SORTS, params.get("sort"), "updated");
  const statuses = (params.get("status") ?? "").split(",").filter((s) => (TICKET_STATUSES as readonly string[]).includes(s));
  const priorities = (params.get("priority") ?? "").split(",").filter((p) => /^[1-5]$/.test(p));
  const type = params.get("type") && (TICKET_TYPES as readonly string[]).includes(params.get("type") ?? "")
    ? (params.get("type") as TicketType)
    : null;
  const level = /^[1-3]$/.test(params.get("level") ?? "") ? Number(params.get("level")) : null;

  function setParam(name: string, value: string | null) {
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  const filters: TicketFilters = {
    view,
    sort,
    entityId: scopeQuery.entityId,
    status: statuses.length ? statuses.join(",") : undefined,
    priority: priorities.length ? priorities.join(",") : undefined,
    type: type ?? undefined,
    level: level ?? undefined,
  };
  const tickets = useTicketList(filters);
  const counts = useTicketCounts(scopeQuery.entityId);
  const hasFilters = statuses.length > 0 || priorities.length > 0 || type !== null || level !== null;

  return (
    <>
      <PageHeader
        title={t("tickets.title")}
        description={t("tickets.queueDescription")}
        actions={
          can(me, "ticket.create") && (
            <Group gap="xs">
              {can(me, "ticket.write") && (
                <Button component={Link} to="/tickets/call" color="orange" leftSection={<PhoneIcon size={18} />}>
                  {t("call.title")}
                </Button>
              )}
              <Button component={Link} to="/tickets/new" variant="default">
                {t("tickets.new")}
              </Button>
            </Group>
          )
        }
      />
      <div className="table-scroll" style={{ marginBottom: "var(--mantine-spacing-sm)" }}>
        <SegmentedControl
          aria-label={t("tickets.view")}
          value={view}
          onChange={(value) => setParam("view", value === "open" ? null : value)}
          data={TICKET_VIEWS.map((value) => ({ value, label: <ViewLabel label={t(`tickets.views.${value}`)} view={value} counts={counts.data} /> }))}
          size="sm"
        />
      </div>
      <Group mb="sm" gap="sm" align="flex-end" wrap="wrap">
        <MultiSelect
          label={t("tickets.status")}
          placeholder={statuses.length ? undefined : t("tickets.anyStatus")}
          data={TICKET_STATUSES.map((value) => ({ value, label: t(`tickets.statuses.${value}`) }))}
          value={statuses}
          onChange={(value) => setParam("status", value.join(",") || null)}
          clearable
          w={{ base: "100%", sm: 260 }}
          size="xs"
        />
        <MultiSelect
          label={t("tickets.priority")}
          placeholder={priorities.length ? undefined : t("tickets.anyPriority")}
          data={[...SCALE].reverse().map((n) => ({ value: String(n), label: `${n} · ${t(`tickets.scale.${n}`)}` }))}
          value={priorities}
          onChange={(value) => setParam("priority", value.join(",") || null)}
          clearable
          w={{ base: "100%", sm: 220 }}
          size="xs"
        />
        <Select
          label={t("tickets.type")}
          placeholder={t("tickets.anyType")}
          data={TICKET_TYPES.map((value) => ({ value, label: t(`tickets.types.${value}`) }))}
          value={type}
          onChange={(value) => setParam("type", value)}
          clearable
          w={130}
          size="xs"
        />
        <Select
          label={t("tickets.level")}
          placeholder={t("tickets.anyLevel")}
          data={SUPPORT_LEVELS.map((n) => ({ value: String(n), label: t(`tickets.levels.${n}`) }))}
          value={level === null ? null : String(level)}
          onChange={(value) => setParam("level", value)}
          clearable
          w={120}
          size="xs"
        />
        <Select
          label={t("tickets.sort")}
          data={TICKET_SORTS.map((value) => ({ value, label: t(`tickets.sorts.${value}`) }))}
          value={sort}
          onChange={(value) => setParam("sort", value === "updated" ? null : value)}
          allowDeselect={false}
          w={170}
          size="xs"
        />
        {hasFilters && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() =>
              setParams(view === "open" ? {} : { view }, { replace: true })
            }
          >
            {t("tickets.clearFilters")}
          </Button>
        )}
      </Group>
      <ApiErrorAlert error={tickets.error} />
      <TicketsTable tickets={tickets} onOpen={(id) => void navigate(`/tickets/${id}`)} mayTake={can(me, "ticket.write")} />
      <LoadMore
        shown={tickets.items.length}
        hasNextPage={tickets.hasNextPage}
        isFetchingNextPage={tickets.isFetchingNextPage}
        fetchNextPage={tickets.fetchNextPage}
      />
    </>
  );
}

/** 1000 from the server means "more than 999". */
export function countText(count: number): string {
  return count >= 1000 ? "999+" : String(count);
}

function ViewLabel({ label, view, counts }: { label: string; view: TicketView; counts: TicketCounts | undefined }) {
  const count = counts && (COUNTED_VIEWS as readonly string[]).includes(view) ? counts[view as keyof TicketCounts] : undefined;
  return (
    <Group gap={6} wrap="nowrap" justify="center" component="span">
      <span>{label}</span>
      {count !== undefined && (
        <Text
          span
          fz="xs"
          fw={700}
          px={6}
          className="view-count"
          data-zero={count === 0 || undefined}
          data-alert={(view === "late" && count > 0) || undefined}
        >
          {countText(count)}
        </Text>
      )}
    </Group>
  );
}

/** "Groupe > Lyon > Comptabilité" → "Comptabilité": the full path is in the tooltip. */
function shortEntity(completeName: string): string {
  return completeName.split(" > ").pop() ?? completeName;
}

function TicketsTable({
  tickets,
  onOpen,
  mayTake,
}: {
  tickets: ReturnType<typeof useTicketList>;
  onOpen: (id: number) => void;
  mayTake: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const relative = useRelativeTime();
  const take = useTakeTicket();
  const [selected, setSelected] = useState(0);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const items = tickets.items;
  const current: Ticket | undefined = items[Math.min(selected, items.length - 1)];

  // Keep the selected row on screen as j / k move through a long list.
  useEffect(() => {
    bodyRef.current?.querySelector("[aria-selected='true']")?.scrollIntoView({ block: "nearest" });
  }, [selected]);

  function takeCurrent() {
    if (!current || !mayTake || take.isPending) return;
    take.mutate(current, {
      onSuccess: (ticket) => notifications.show({ color: "green", message: t("tickets.taken", { id: ticket.id }) }),
      onError: (error) => notifications.show({ color: "red", message: errorText(error, t) }),
    });
  }

  useHotkeys([
    ["j", () => setSelected((index) => Math.min(index + 1, Math.max(items.length - 1, 0)))],
    ["k", () => setSelected((index) => Math.max(index - 1, 0))],
    ["Enter", () => current && onOpen(current.id)],
    ["a", takeCurrent],
  ]);

  if (tickets.isPending) return <Skeleton h={240} />;
  if (tickets.isError) return null;
  if (items.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {t("tickets.empty")}
      </Text>
    );
  }
  return (
    <div className="table-scroll">
      <Table highlightOnHover verticalSpacing={6} fz="sm" className="ticket-queue">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64}>{t("tickets.number")}</Table.Th>
            <Table.Th>{t("tickets.ticketTitle")}</Table.Th>
            <Table.Th>{t("tickets.requester")}</Table.Th>
            <Table.Th>{t("tickets.entity")}</Table.Th>
            <Table.Th>{t("tickets.status")}</Table.Th>
            <Table.Th>{t("tickets.priority")}</Table.Th>
            <Table.Th className="nowrap">{t("tickets.assignment")}</Table.Th>
            <Table.Th>{t("tickets.updated")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={bodyRef}>
          {items.map((ticket, index) => {
            const isSelected = ticket.id === current?.id;
            return (
              <Table.Tr
                key={ticket.id}
                aria-selected={isSelected}
                data-selected={isSelected || undefined}
                onClick={() => setSelected(index)}
                onDoubleClick={() => onOpen(ticket.id)}
              >
                <Table.Td className="mono nowrap">{ticket.id}</Table.Td>
                <Table.Td miw={240}>
                  <Anchor component={Link} to={`/tickets/${ticket.id}`} fw={500} fz="sm" lineClamp={2}>
                    {ticket.title}
                  </Anchor>
                </Table.Td>
                <Table.Td className="nowrap">{ticket.requesterName ?? ticket.contactName ?? "—"}</Table.Td>
                <Table.Td maw={200}>
                  <Text fz="sm" lineClamp={1} title={ticket.entityName}>
                    {shortEntity(ticket.entityName)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TicketStatusBadge status={ticket.status} />
                </Table.Td>
                <Table.Td>
                  <PriorityBadge priority={ticket.priority} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" lineClamp={1}>
                    <Text span c="dimmed" fz="xs" fw={700}>
                      {t("tickets.levelShort", { level: ticket.level })}
                    </Text>{" "}
                    {ticket.groupName ?? <Text span c="dimmed" fz="sm">{t("tickets.noGroup")}</Text>}
                  </Text>
                  <Text fz="xs" c={ticket.assigneeName ? undefined : "dimmed"} lineClamp={1}>
                    {ticket.assigneeName ?? t("tickets.unassigned")}
                  </Text>
                </Table.Td>
                <Table.Td className="nowrap">
                  <Tooltip label={format.dateTime(ticket.updatedAt)} openDelay={300}>
                    <span>{relative(ticket.updatedAt)}</span>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4} visibleFrom="sm">
        <Kbd size="xs">j</Kbd> <Kbd size="xs">k</Kbd> · <Kbd size="xs">Enter</Kbd> · <Kbd size="xs">a</Kbd>{" "}
        {t("tickets.takeHint")}
      </Text>
    </div>
  );
}
