import { Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader.js";
import { useTabParam } from "../../lib/useTabParam.js";
import { CannedTab } from "./CannedTab.js";
import { RecurringTab } from "./RecurringTab.js";
import { RulesTab } from "./RulesTab.js";
import { TemplatesTab } from "./TemplatesTab.js";

const TABS = ["rules", "templates", "canned", "recurring"] as const;

/** The supervisors' automation page: rules, ticket templates, canned responses, recurring tickets. */
export function AutomationPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useTabParam(TABS);
  return (
    <>
      <PageHeader title={t("automation.title")} description={t("automation.description")} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {TABS.map((name) => <Tabs.Tab key={name} value={name}>{t(`automation.tabs.${name}`)}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="rules" pt="md"><RulesTab /></Tabs.Panel>
        <Tabs.Panel value="templates" pt="md"><TemplatesTab /></Tabs.Panel>
        <Tabs.Panel value="canned" pt="md"><CannedTab /></Tabs.Panel>
        <Tabs.Panel value="recurring" pt="md"><RecurringTab /></Tabs.Panel>
      </Tabs>
    </>
  );
}
