import { Stack, Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader.js";
import { CalendarsTab } from "./CalendarsTab.js";
import { PoliciesTab } from "./PoliciesTab.js";

/** /admin/sla: the business calendars of the entities and their SLAs, for supervisors. */
export function SlaAdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "calendars" ? "calendars" : "policies";
  return (
    <Stack gap="md">
      <PageHeader title={t("sla.title")} description={t("sla.description")} />
      <Tabs value={tab} onChange={(value) => setParams(value === "calendars" ? { tab: "calendars" } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="policies">{t("sla.tabs.policies")}</Tabs.Tab>
          <Tabs.Tab value="calendars">{t("sla.tabs.calendars")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="policies" pt="md"><PoliciesTab /></Tabs.Panel>
        <Tabs.Panel value="calendars" pt="md"><CalendarsTab /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
