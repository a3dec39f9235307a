import { Alert, Button, Group, Modal, Paper, Select, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BulkAssetBody } from "../../../../shared/api/assets.js";
import { ASSET_STATUSES } from "../../../../shared/domain/assets.js";
import { UserSelect } from "../../../components/UserSelect.js";
import type { Selection } from "../../tickets/queue/useQueue.js";
import { LocationSelect } from "../references/LocationSelect.js";
import { PrintLabels } from "./external.js";
import { assetErrorText } from "./asset-ui.js";
import { useBulkAssets } from "./useAssets.js";

type Change = BulkAssetBody["change"];
type ChangeType = Change["type"];
const BULK_STATUSES = ASSET_STATUSES.filter((s) => s !== "loaned" && s !== "disposed");

/** One dialog for the three bulk changes: the value to set, and a reason for the timeline. */
function BulkModal({ type, count, busy, error, onClose, onSubmit }: {
  type: ChangeType; count: number; busy: boolean; error: unknown; onClose: () => void; onSubmit: (change: Change, reason: string) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const [id, setId] = useState<number | null>(null);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (type === "status") {
      if (!status) return setMissing(true);
      return onSubmit({ type, status: status as (typeof BULK_STATUSES)[number] }, reason);
    }
    if (type === "move") return onSubmit({ type, locationId: id }, reason);
    onSubmit({ type, userId: id }, reason);
  }

  const titles = { status: t("assets.ops.status"), move: t("assets.ops.move"), assign: t("assets.ops.assign") };
  return (
    <Modal opened onClose={onClose} title={`${titles[type]} · ${t("assets.selected", { count })}`}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          {error ? <Alert color="red" variant="light">{assetErrorText(error, t)}</Alert> : null}
          {type === "status" && (
            <Select label={t("assets.ops.newStatus")} data={BULK_STATUSES.map((value) => ({ value, label: t(`assets.statuses.${value}`) }))}
              value={status} onChange={setStatus} required error={missing ? t("validation.required") : undefined} data-autofocus />
          )}
          {type === "move" && <LocationSelect label={t("assets.ops.toLocation")} value={id} onChange={setId} />}
          {type === "assign" && (
            <>
              <UserSelect label={t("assets.ops.toUser")} value={id} onChange={setId} />
              <Text size="xs" c="dimmed">{t("assets.ops.toUserHint")}</Text>
            </>
          )}
          <Textarea label={t("assets.ops.reason")} description={t("assets.ops.reasonHint")} value={reason}
            onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={2} maxLength={1000} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t("assets.ops.submit")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** What to do with the checked assets: status, move, assign (all or nothing), print their labels. */
export function AssetBulkBar({ selection }: { selection: Selection }) {
  const { t } = useTranslation();
  const bulk = useBulkAssets();
  const [open, setOpen] = useState<ChangeType | null>(null);
  const ids = [...selection.ids];
  if (ids.length === 0) return null;

  function run(change: Change, reason: string) {
    bulk.mutate({ ids, change, reason: reason.trim() || undefined }, {
      onSuccess: ({ updated }) => {
        notifications.show({ color: "green", message: t("assets.bulkDone", { count: updated }) });
        selection.replace([]);
        setOpen(null);
      },
    });
  }

  return (
    <>
      <Paper withBorder p="xs" mb="sm" radius="md" component="section" aria-label={t("assets.bulkRegion")}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm" mr="xs" aria-live="polite">{t("assets.selected", { count: ids.length })}</Text>
          <Button size="xs" onClick={() => { bulk.reset(); setOpen("assign"); }}>{t("assets.ops.assign")}</Button>
          <Button size="xs" variant="default" onClick={() => { bulk.reset(); setOpen("move"); }}>{t("assets.ops.move")}</Button>
          <Button size="xs" variant="default" onClick={() => { bulk.reset(); setOpen("status"); }}>{t("assets.ops.status")}</Button>
          <PrintLabels assetIds={ids} />
          <Button size="xs" variant="subtle" onClick={() => selection.replace([])}>{t("assets.clearSelection")}</Button>
        </Group>
      </Paper>
      {open && <BulkModal type={open} count={ids.length} busy={bulk.isPending} error={bulk.error}
        onClose={() => setOpen(null)} onSubmit={run} />}
    </>
  );
}
