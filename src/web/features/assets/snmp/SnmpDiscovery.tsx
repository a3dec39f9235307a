import { Divider, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { can } from "../../../lib/permissions.js";
import { useMe } from "../../auth/useAuth.js";
import { SnmpCredentials } from "./SnmpCredentials.js";
import { SnmpPrinters } from "./SnmpPrinters.js";
import { SnmpRanges } from "./SnmpRanges.js";
import { SnmpScans } from "./SnmpScans.js";

/** The agents page's "SNMP discovery" tab: credentials, IP ranges, scans with their progress, and the printers' supplies. */
export function SnmpDiscovery() {
  const { t } = useTranslation();
  // The forms show for whoever may manage somewhere; the server decides entity by entity.
  const mayManage = can(useMe(), "asset.manage");
  return (
    <Stack gap="lg" maw={1100}>
      <Text size="sm">{t("snmp.intro")}</Text>
      <SnmpCredentials mayManage={mayManage} />
      <Divider />
      <SnmpRanges mayManage={mayManage} />
      <Divider />
      <SnmpScans />
      <Divider />
      <SnmpPrinters />
    </Stack>
  );
}
