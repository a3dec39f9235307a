import { Button, Group, NumberInput, Paper, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LOW_SUPPLY_PCT, type SnmpSettings } from "../../../../shared/api/snmp.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { useSaveSnmpSettings } from "./useSnmp.js";

/** The low-supply threshold and the automatic tickets, for an admin of the root entity (one setting for the organisation). */
export function SnmpSettingsForm({ saved }: { saved: SnmpSettings }) {
  const { t } = useTranslation();
  const save = useSaveSnmpSettings();
  const [pct, setPct] = useState<number | string>(saved.lowSupplyPct);
  const [openTickets, setOpenTickets] = useState(saved.openTickets);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutateAsync({ lowSupplyPct: Number(pct), openTickets }).then(
      () => notifications.show({ color: "green", message: t("snmp.settings.saved") }), () => undefined);
  };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} aria-labelledby="snmp-settings">
      <Text fw={600} id="snmp-settings" mb="xs">{t("snmp.settings.title")}</Text>
      <Group align="end" wrap="wrap">
        <NumberInput label={t("snmp.settings.lowSupplyPct")} value={pct} onChange={setPct} min={LOW_SUPPLY_PCT.min} max={LOW_SUPPLY_PCT.max}
          allowDecimal={false} suffix=" %" w={160} required />
        <Switch label={t("snmp.settings.openTickets")} checked={openTickets} onChange={(e) => setOpenTickets(e.currentTarget.checked)} mb={6} />
        <Button type="submit" loading={save.isPending} disabled={pct === ""}>{t("snmp.settings.save")}</Button>
      </Group>
      <ApiErrorAlert error={save.error} />
    </Paper>
  );
}
