import { Anchor, Badge, Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PrinterSupply } from "../../../../shared/api/snmp.js";

/** Printer-MIB colorant names to bar colours; anything else is grey. */
const COLOURS: Record<string, string> = { black: "dark", cyan: "cyan", magenta: "pink", yellow: "yellow" };

/** One bar per supply: its level in percent (or "unknown"), flagged low with its ticket while it is. */
export function SupplyGauges({ supplies }: { supplies: PrinterSupply[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} miw={220}>
      {supplies.map((supply) => {
        const label = `${supply.description} : ${supply.percent === null ? t("snmp.supply.unknown") : `${supply.percent} %`}`;
        return (
          <div key={supply.index} data-supply={supply.description}>
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Text size="xs" truncate>{supply.description}{supply.consumed ? "" : ` (${t("snmp.supply.fills")})`}</Text>
              <Group gap={4} wrap="nowrap">
                {supply.low && <Badge color="red" size="xs">{t("snmp.supply.low")}</Badge>}
                {supply.ticketId !== null && (
                  <Anchor component={Link} to={`/tickets/${supply.ticketId}`} size="xs">{t("snmp.supply.ticket", { id: supply.ticketId })}</Anchor>
                )}
                <Text size="xs" fw={600}>{supply.percent === null ? t("snmp.supply.unknown") : `${supply.percent} %`}</Text>
              </Group>
            </Group>
            <Progress value={supply.percent ?? 0} size="sm" aria-label={label}
              color={supply.low ? "red" : (COLOURS[(supply.colour ?? "").toLowerCase()] ?? "gray")} />
          </div>
        );
      })}
    </Stack>
  );
}
