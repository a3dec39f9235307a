import { Button, Group, Paper, SimpleGrid, Skeleton, Stack, Tabs, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { Contract } from "../../../../shared/api/contracts.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { ConfirmButton } from "../../../components/ConfirmButton.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { can } from "../../../lib/permissions.js";
import { useMe } from "../../auth/useAuth.js";
import { HistoryTab } from "../../history/HistoryTab.js";
import { ContractSlaPanel } from "../../sla/ContractSlaPanel.js";
import { ContractAssetsPanel } from "./ContractAssetsPanel.js";
import { ContractBadges, useDayFormat, useMoneyFormat } from "./contract-ui.js";
import { ContractDrawer } from "./ContractDrawer.js";
import { useContract, useDeleteContract } from "./useContracts.js";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

type SummaryField = "contractType" | "number" | "supplier" | "entity" | "startDate" | "durationMonths" | "endDate" | "noticeDate"
  | "tacitRenewal" | "yearlyCost" | "notes";

function ContractSummary({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const money = useMoneyFormat();
  const f = (key: SummaryField) => t(`contracts.fields.${key}`);
  return (
    <Paper withBorder p="md" mb="md">
      <Stack gap="sm">
        <ContractBadges contract={contract} />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Field label={f("contractType")}>{t(`contracts.types.${contract.contractType}`)}</Field>
          <Field label={f("number")}>{contract.number ?? "—"}</Field>
          <Field label={f("supplier")}>{contract.supplierName ?? "—"}</Field>
          <Field label={f("entity")}>{contract.entityName}</Field>
          <Field label={f("startDate")}>{day(contract.startDate)}</Field>
          <Field label={f("durationMonths")}>{contract.durationMonths}</Field>
          <Field label={f("endDate")}>{day(contract.endDate)}</Field>
          <Field label={f("noticeDate")}>{contract.noticeMonths > 0 ? `${day(contract.noticeDate)} · ${t("contracts.noticeMonthsShort", { count: contract.noticeMonths })}` : "—"}</Field>
          <Field label={f("tacitRenewal")}>{contract.tacitRenewal ? t("common.yes") : t("common.no")}</Field>
          <Field label={f("yearlyCost")}>{money(contract.yearlyCostCents)}</Field>
        </SimpleGrid>
        {contract.notes && <Field label={f("notes")}>{contract.notes}</Field>}
      </Stack>
    </Paper>
  );
}

/** One contract: its terms, the assets it covers and its history; supervisors edit it from here. */
export function ContractPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const contract = useContract(id);
  const remove = useDeleteContract();
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<string | null>("assets");
  const mayManage = can(me, "asset.manage");

  if (contract.isPending) return <Skeleton h={300} />;
  if (contract.isError) return <ApiErrorAlert error={contract.error} />;
  const c = contract.data;
  return (
    <>
      <PageHeader title={c.name} crumbs={[{ label: t("contracts.title"), to: "/contracts" }]}
        actions={mayManage && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing(true)}>{t("contracts.edit")}</Button>
            <ConfirmButton label={t("contracts.delete")} title={t("contracts.deleteTitle")} confirmLabel={t("contracts.delete")}
              message={t("contracts.deleteMessage", { name: c.name })} loading={remove.isPending} error={remove.error}
              onOpen={() => remove.reset()} buttonProps={{ size: "sm" }}
              onConfirm={async () => {
                await remove.mutateAsync(c.id);
                notifications.show({ color: "green", message: t("contracts.deleted", { name: c.name }) });
                void navigate("/contracts");
              }} />
          </Group>
        )} />
      <ContractSummary contract={c} />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="md">
          <Tabs.Tab value="assets">{t("contracts.assets.title")} ({c.assetCount})</Tabs.Tab>
          <Tabs.Tab value="sla">{t("slaContracts.page.tab")}</Tabs.Tab>
          <Tabs.Tab value="history">{t("contracts.historyTab")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="assets"><ContractAssetsPanel contract={c} mayManage={mayManage} /></Tabs.Panel>
        <Tabs.Panel value="sla">{tab === "sla" && <ContractSlaPanel contractId={c.id} />}</Tabs.Panel>
        <Tabs.Panel value="history">{tab === "history" && <HistoryTab recordType="contract" id={c.id} />}</Tabs.Panel>
      </Tabs>
      {editing && <ContractDrawer contract={c} entityId={c.entityId} onClose={() => setEditing(false)} />}
    </>
  );
}
