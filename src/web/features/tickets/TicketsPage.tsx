import { Button, Group, SegmentedControl, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { COUNTED_VIEWS, type TicketCounts } from "../../../shared/api/tickets.js";
import { TICKET_VIEWS, type TicketView } from "../../../shared/domain/tickets.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { PhoneIcon } from "../../components/icons.js";
import { LoadMore } from "../../components/LoadMore.js";
import { PageHeader } from "../../components/PageHeader.js";
import { can } from "../../lib/permissions.js";
import { useMe } from "../auth/useAuth.js";
import { useEntityScope } from "../shell/entity-scope.js";
import { BulkBar } from "./queue/BulkBar.js";
import { ColumnPicker } from "./queue/QueueColumns.js";
import { QueueFilters } from "./queue/QueueFilters.js";
import { QueueTable } from "./queue/QueueTable.js";
import { SavedViews } from "./queue/SavedViews.js";
import { queueView } from "./queue/queue-params.js";
import { useQueueColumns, useQueueQuery, useQueueTickets, useSelection } from "./queue/useQueue.js";
import { useTicketCounts } from "./useTickets.js";

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
        <Text span fz="xs" fw={700} px={6} className="view-count" data-zero={count === 0 || undefined}
          data-alert={(view === "late" && count > 0) || undefined}>
          {countText(count)}
        </Text>
      )}
    </Group>
  );
}

/**
 * The technicians' queue: built-in views with their counters, the user's saved views, filters
 * on every field, chosen columns, and bulk actions on checked rows. The filters live in the URL,
 * so "back" from a ticket keeps them and a link shares them.
 */
export function TicketsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { scopeQuery } = useEntityScope();
  const { query, setFilter, replaceQuery } = useQueueQuery();
  const { columns, setColumns } = useQueueColumns(me.id);
  const view = queueView(query);
  // An entity chosen in the filters wins over the one chosen in the header.
  const listQuery = { ...query, entityId: query.entityId ?? scopeQuery.entityId };
  const tickets = useQueueTickets(listQuery);
  const counts = useTicketCounts(scopeQuery.entityId);
  const mayWrite = can(me, "ticket.write");
  const selection = useSelection(JSON.stringify(listQuery));

  return (
    <>
      <PageHeader
        title={t("tickets.title")}
        description={t("queue.description")}
        actions={
          can(me, "ticket.create") && (
            <Group gap="xs">
              {mayWrite && (
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
      <div className="table-scroll" style={{ marginBottom: "var(--mantine-spacing-xs)" }}>
        <SegmentedControl
          aria-label={t("tickets.view")}
          value={view}
          onChange={(value) => setFilter("view", value)}
          data={TICKET_VIEWS.map((value) => ({ value, label: <ViewLabel label={t(`tickets.views.${value}`)} view={value} counts={counts.data} /> }))}
          size="sm"
        />
      </div>
      <SavedViews query={query} columns={columns} onApply={(saved) => {
        replaceQuery(saved.query);
        setColumns(saved.columns);
      }} />
      <QueueFilters query={query} setFilter={setFilter} onClear={() => replaceQuery({ view: query.view ?? "", sort: query.sort ?? "" })}
        tools={<ColumnPicker columns={columns} onChange={setColumns} />} />
      <ApiErrorAlert error={tickets.error} />
      {mayWrite && <BulkBar items={tickets.items} selection={selection} />}
      <QueueTable items={tickets.items} isPending={tickets.isPending} isError={tickets.isError} columns={columns}
        selection={mayWrite ? selection : null} onOpen={(id) => void navigate(`/tickets/${id}`)} />
      <LoadMore shown={tickets.items.length} hasNextPage={tickets.hasNextPage} isFetchingNextPage={tickets.isFetchingNextPage}
        fetchNextPage={tickets.fetchNextPage} />
    </>
  );
}
