import { Alert, Anchor, Button, Group, List, Paper, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ErrorCode } from "../../../../shared/api/errors.js";
import { BULK_MAX_TICKETS, type BulkAction, type Ticket } from "../../../../shared/api/tickets.js";
import { errorText } from "../../../components/error-text.js";
import { AssignModal, MergeModal, StatusModal } from "./BulkModals.js";
import { type Selection, useBulkAction, useMergeInto } from "./useQueue.js";

type Outcome =
  | { kind: "bulk"; changed: number; refused: { id: number; code: ErrorCode }[] }
  | { kind: "merge"; targetId: number; merged: number };

function OutcomeAlert({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
  const { t } = useTranslation();
  if (outcome.kind === "merge") {
    return (
      <Alert color="green" variant="light" mb="sm" withCloseButton onClose={onClose} closeButtonLabel={t("common.close")} role="status">
        {t("queue.merged", { count: outcome.merged })}{" "}
        <Anchor component={Link} to={`/tickets/${outcome.targetId}`} fz="sm">
          {t("tickets.ticketNumber", { id: outcome.targetId })}
        </Anchor>
      </Alert>
    );
  }
  const title = [t("queue.changed", { count: outcome.changed }), outcome.refused.length ? t("queue.refused", { count: outcome.refused.length }) : null]
    .filter(Boolean).join(", ");
  return (
    <Alert color={outcome.refused.length ? "yellow" : "green"} variant="light" mb="sm" title={title} withCloseButton onClose={onClose}
      closeButtonLabel={t("common.close")} role="status">
      {outcome.refused.length > 0 && (
        <>
          <List size="sm" spacing={2}>
            {outcome.refused.map((r) => (
              <List.Item key={r.id}>
                <Anchor component={Link} to={`/tickets/${r.id}`} fz="sm">{t("tickets.ticketNumber", { id: r.id })}</Anchor> : {t(`errors.${r.code}`)}
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed" mt={4}>{t("queue.refusedStillSelected")}</Text>
        </>
      )}
    </Alert>
  );
}

/**
 * What to do with the checked tickets: assign, take, change status, merge. Each ticket is
 * changed or refused on its own; the outcome says how many of each, and why each refusal.
 */
export function BulkBar({ items, selection }: { items: Ticket[]; selection: Selection }) {
  const { t } = useTranslation();
  const bulk = useBulkAction();
  const merge = useMergeInto();
  const [open, setOpen] = useState<"assign" | "status" | "merge" | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const selected = items.filter((ticket) => selection.ids.has(ticket.id));
  const count = selected.length;
  const tooMany = count > BULK_MAX_TICKETS;
  const failed = (error: unknown) => notifications.show({ color: "red", message: errorText(error, t) });

  function run(action: BulkAction) {
    bulk.mutate({ ids: selected.map((ticket) => ticket.id), action }, {
      onSuccess: ({ results }) => {
        const refused = results.flatMap((r) => (r.ok ? [] : [{ id: r.id, code: r.code }]));
        setOutcome({ kind: "bulk", changed: results.length - refused.length, refused });
        // The refused ones stay checked: fix what blocked them, then try again.
        selection.replace(refused.map((r) => r.id));
        setOpen(null);
      },
      onError: failed,
    });
  }

  function mergeInto(targetId: number, sourceIds: number[]) {
    merge.mutate({ targetId, sourceIds }, {
      onSuccess: () => {
        setOutcome({ kind: "merge", targetId, merged: sourceIds.length });
        selection.replace([]);
        setOpen(null);
      },
      onError: failed,
    });
  }

  return (
    <>
      {outcome && <OutcomeAlert outcome={outcome} onClose={() => setOutcome(null)} />}
      {count > 0 && (
        <Paper withBorder p="xs" mb="sm" radius="md" component="section" aria-label={t("queue.bulkRegion")}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} size="sm" mr="xs" aria-live="polite">{t("queue.selected", { count })}</Text>
            <Button size="xs" disabled={tooMany} onClick={() => setOpen("assign")}>{t("queue.assign")}</Button>
            <Button size="xs" variant="default" disabled={tooMany} loading={bulk.isPending && open === null} onClick={() => run({ type: "take" })}>
              {t("queue.take")}
            </Button>
            <Button size="xs" variant="default" disabled={tooMany} onClick={() => setOpen("status")}>{t("queue.changeStatus")}</Button>
            <Button size="xs" variant="default" disabled={count < 2 || tooMany} title={count < 2 ? t("queue.mergeNeedsTwo") : undefined}
              onClick={() => setOpen("merge")}>
              {t("queue.merge")}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => selection.replace([])}>{t("queue.clearSelection")}</Button>
          </Group>
          {tooMany && <Text size="sm" c="var(--mantine-color-error)" mt={4}>{t("queue.tooMany", { max: BULK_MAX_TICKETS })}</Text>}
        </Paper>
      )}
      {open === "assign" && <AssignModal count={count} busy={bulk.isPending} onClose={() => setOpen(null)} onSubmit={run} />}
      {open === "status" && <StatusModal count={count} busy={bulk.isPending} tickets={selected} onClose={() => setOpen(null)} onSubmit={run} />}
      {open === "merge" && <MergeModal tickets={selected} busy={merge.isPending} onClose={() => setOpen(null)} onMerge={mergeInto} />}
    </>
  );
}
