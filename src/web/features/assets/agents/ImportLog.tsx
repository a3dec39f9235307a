import { Anchor, Badge, Button, Group, List, Skeleton, Switch, Table, Text } from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { InventoryImport } from "../../../../shared/api/inventory-agents.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { useFormat } from "../../../i18n/format.js";
import { AttachImportModal } from "./AttachImportModal.js";
import { useRuleLabel } from "./ImportRules.js";
import { useInventoryImports } from "./useAgents.js";

const COLUMNS = 8;

/** Every message the agents sent, newest first: what was received, what each inventory led to, and what was refused and why. */
export function ImportLog({ refusedOnly, setRefusedOnly }: { refusedOnly: boolean; setRefusedOnly: (on: boolean) => void }) {
  const { t } = useTranslation();
  const log = useInventoryImports(refusedOnly ? { outcome: "refused" } : {});

  return (
    <>
      <Group mb="sm">
        <Switch label={t("agents.refusedOnly")} checked={refusedOnly} onChange={(e) => setRefusedOnly(e.currentTarget.checked)} />
      </Group>
      <ApiErrorAlert error={log.error} />
      {log.isPending ? <Skeleton h={200} /> : log.items.length === 0 && !log.isError ? (
        <Text c="dimmed" py="xl" ta="center">{t(refusedOnly ? "agents.log.emptyRefused" : "agents.log.empty")}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped verticalSpacing={6} fz="sm" aria-label={t("agents.tabs.log")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("agents.log.when")}</Table.Th>
                <Table.Th>{t("agents.log.outcome")}</Table.Th>
                <Table.Th>{t("agents.log.query")}</Table.Th>
                <Table.Th>{t("agents.columns.deviceId")}</Table.Th>
                <Table.Th>{t("agents.columns.ip")}</Table.Th>
                <Table.Th>{t("agents.log.decision")}</Table.Th>
                <Table.Th>{t("agents.log.reason")}</Table.Th>
                <Table.Th>{t("agents.log.detail")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{log.items.map((entry) => <ImportRow key={entry.id} entry={entry} />)}</Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore shown={log.items.length} hasNextPage={log.hasNextPage} isFetchingNextPage={log.isFetchingNextPage}
        fetchNextPage={log.fetchNextPage} />
    </>
  );
}

function ImportRow({ entry }: { entry: InventoryImport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [showTrace, setShowTrace] = useState(false);
  const [attaching, setAttaching] = useState(false);
  const traceId = `import-trace-${entry.id}`;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td className="nowrap">{format.dateTime(entry.receivedAt)}</Table.Td>
        <Table.Td>
          <Badge color={entry.outcome === "refused" ? "red" : "green"} variant="light" miw="max-content">{t(`agents.outcomes.${entry.outcome}`)}</Badge>
        </Table.Td>
        <Table.Td className="mono">{entry.query ?? "—"}</Table.Td>
        <Table.Td className="mono nowrap">{entry.deviceId ?? "—"}</Table.Td>
        <Table.Td className="mono nowrap">{entry.ip ?? "—"}</Table.Td>
        <Table.Td miw={220}>
          <Decision entry={entry} />
          {entry.trace.length > 0 && (
            <Button variant="subtle" size="compact-xs" px={0} aria-expanded={showTrace} aria-controls={traceId}
              onClick={() => setShowTrace((on) => !on)}>
              {t(showTrace ? "agents.decision.hideTrace" : "agents.decision.showTrace")}
            </Button>
          )}
          {entry.attachable && (
            <Button variant="light" size="compact-xs" ml="xs" onClick={() => setAttaching(true)}>{t("agents.attach.open")}</Button>
          )}
          {attaching && <AttachImportModal entry={entry} onClose={() => setAttaching(false)} />}
        </Table.Td>
        <Table.Td className="mono">{entry.reason ?? "—"}</Table.Td>
        <Table.Td miw={240}>{entry.detail ?? "—"}</Table.Td>
      </Table.Tr>
      {showTrace && (
        <Table.Tr id={traceId}>
          <Table.Td colSpan={COLUMNS}>
            <List size="sm" type="ordered" aria-label={t("agents.decision.traceOf", { when: format.dateTime(entry.receivedAt) })}>
              {entry.trace.map((line, index) => <List.Item key={index} className="mono">{line}</List.Item>)}
            </List>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** "Rattaché à PC-0042 par numéro de série", "Nouvel actif créé : PC-0043", "Refusé : plusieurs actifs correspondent…". */
function Decision({ entry }: { entry: InventoryImport }) {
  const { t } = useTranslation();
  const ruleLabel = useRuleLabel();
  const asset = entry.assetId !== null && entry.assetTag !== null
    ? <Anchor component={Link} to={`/assets/${entry.assetId}`} fw={600}>{entry.assetTag}</Anchor>
    : null;
  switch (entry.decision) {
    case "match":
      return (
        <Text size="sm">
          {t("agents.decision.matched")} {asset ?? t("agents.decision.anAsset")}
          {entry.rule && ` ${t("agents.decision.by", { rule: ruleLabel(entry.rule.split(" + ")) })}`}
        </Text>
      );
    case "create":
      return <Text size="sm">{t("agents.decision.created")} {asset ?? "—"}</Text>;
    case "refuse": {
      const known = entry.reason ? t(`agents.decision.refusals.${entry.reason}`, { defaultValue: "" }) : "";
      return <Text size="sm" c="red">{t("agents.decision.refused", { reason: known || entry.reason || "—" })}</Text>;
    }
    default:
      return <Text span c="dimmed">—</Text>;
  }
}
