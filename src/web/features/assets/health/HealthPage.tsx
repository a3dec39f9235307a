import { Badge, Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { HEALTH_SIGNALS, type HealthSignal } from "../../../../shared/api/inventory-health.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { useSetParam } from "../../../lib/useSetParam.js";
import { HealthList } from "./HealthList.js";
import { HealthSettingsForm } from "./HealthSettingsForm.js";
import { useHealthSummary } from "./useHealth.js";

type Tab = HealthSignal | "settings";
const TABS: readonly Tab[] = [...HEALTH_SIGNALS, "settings"];

/**
 * The fleet's health: one tab per signal with its count, and the thresholds. The tab lives in
 * the address (`?signal=antivirus`), so a link from an asset's badge opens the right list.
 */
export function HealthPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const setParam = useSetParam();
  const tab: Tab = TABS.find((name) => name === params.get("signal")) ?? "disk";
  const summary = useHealthSummary();

  return (
    <>
      <PageHeader crumbs={[{ label: t("assets.title"), to: "/assets" }]} title={t("health.title")} description={t("health.description")} />
      <Tabs value={tab} onChange={(value) => setParam("signal", value && value !== "disk" ? value : null)} keepMounted={false}>
        <Tabs.List mb="md">
          {HEALTH_SIGNALS.map((signal) => {
            const count = summary.data?.[signal];
            return (
              <Tabs.Tab key={signal} value={signal}
                rightSection={count === undefined ? null : <Badge size="sm" circle={count < 10} color={count > 0 ? "red" : "gray"}
                  variant={count > 0 ? "filled" : "light"} aria-hidden="true">{count}</Badge>}
                aria-label={count === undefined ? undefined : `${t(`health.tabs.${signal}`)} (${count})`}>
                {t(`health.tabs.${signal}`)}
              </Tabs.Tab>
            );
          })}
          <Tabs.Tab value="settings">{t("health.tabs.settings")}</Tabs.Tab>
        </Tabs.List>
        {HEALTH_SIGNALS.map((signal) => (
          <Tabs.Panel key={signal} value={signal}>
            <HealthList signal={signal} diskFullPct={summary.data?.diskFullPct} silentDays={summary.data?.silentDays} />
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="settings">
          <HealthSettingsForm />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
