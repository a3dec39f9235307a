import { Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useSetParam } from "../../../lib/useSetParam.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { AgentHelp } from "./AgentHelp.js";
import { AgentList } from "./AgentList.js";
import { ImportLog } from "./ImportLog.js";
import { AgentAccess } from "./AgentAccess.js";
import { ImportRules } from "./ImportRules.js";
import { SnmpDiscovery } from "../snmp/SnmpDiscovery.js";
import { useMatchRules } from "./useAgents.js";

const TABS = ["agents", "log", "rules", "snmp", "access"] as const;
type Tab = (typeof TABS)[number];

/**
 * The inventory agents that report to Vigie, the log of what they sent and the rules that match
 * their inventories to assets. The tab and the
 * switches live in the URL, so "back" and a shared link keep them.
 */
export function AgentsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const tab: Tab = TABS.find((name) => name === params.get("tab")) ?? "agents";

  const setParam = useSetParam();
  // The rules say whether the caller is an admin of the root entity, who alone manages agent logins.
  const mayManage = useMatchRules().data?.canManage === true;

  return (
    <>
      <PageHeader crumbs={[{ label: t("assets.title"), to: "/assets" }]} title={t("agents.title")} description={t("agents.description")} />
      <AgentHelp />
      <Tabs value={tab} onChange={(value) => setParam("tab", value && value !== "agents" ? value : null)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="agents">{t("agents.tabs.agents")}</Tabs.Tab>
          <Tabs.Tab value="log">{t("agents.tabs.log")}</Tabs.Tab>
          <Tabs.Tab value="rules">{t("agents.tabs.rules")}</Tabs.Tab>
          <Tabs.Tab value="snmp">{t("agents.tabs.snmp")}</Tabs.Tab>
          {mayManage && <Tabs.Tab value="access">{t("agents.tabs.access")}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="agents">
          <AgentList staleOnly={params.get("stale") === "1"} setStaleOnly={(on) => setParam("stale", on ? "1" : null)} />
        </Tabs.Panel>
        <Tabs.Panel value="log">
          <ImportLog refusedOnly={params.get("refused") === "1"} setRefusedOnly={(on) => setParam("refused", on ? "1" : null)} />
        </Tabs.Panel>
        <Tabs.Panel value="rules">
          <ImportRules />
        </Tabs.Panel>
        <Tabs.Panel value="snmp">
          <SnmpDiscovery />
        </Tabs.Panel>
        {mayManage && <Tabs.Panel value="access"><AgentAccess /></Tabs.Panel>}
      </Tabs>
    </>
  );
}
