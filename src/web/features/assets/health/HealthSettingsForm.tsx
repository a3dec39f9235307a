import { Button, Group, NumberInput, Paper, Select, Skeleton, Stack, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import {
  DISK_FULL_PCT, type HealthSettings, type HealthSettingsBody, HealthSettingsBodySchema, SILENT_DAYS,
} from "../../../../shared/api/inventory-health.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { useForm } from "../../../lib/use-form.js";
import { serverFieldErrors, validate } from "../../../lib/validation.js";
import { CategorySelect } from "../../categories/CategorySelect.js";
import { useHealthSettings, useSaveHealthSettings } from "./useHealth.js";

/** The thresholds and the automatic tickets: a form for an admin of the root, a sentence for everyone else. */
export function HealthSettingsForm() {
  const { t } = useTranslation();
  const settings = useHealthSettings();
  return (
    <Stack gap="md" maw={640}>
      <ApiErrorAlert error={settings.error} />
      {settings.isPending ? <Skeleton h={240} /> : settings.data && (settings.data.canManage
        // Remounted on every saved version, so the form starts again from what the server holds.
        ? <SettingsEditor key={JSON.stringify(settings.data)} saved={settings.data} />
        : (
          <Paper withBorder p="sm">
            <Text>{t("health.settings.summary", { pct: settings.data.diskFullPct, days: settings.data.silentDays,
              tickets: t(settings.data.ticket.enabled ? "health.settings.on" : "health.settings.off") })}</Text>
            <Text size="sm" c="dimmed" mt={4}>{t("health.settings.readOnly")}</Text>
          </Paper>
        ))}
    </Stack>
  );
}

type Values = { diskFullPct: number | ""; silentDays: number | ""; enabled: boolean; categoryId: number | null; priority: number };

const numberOf = (value: string | number) => (typeof value === "number" ? value : "");

function SettingsEditor({ saved }: { saved: HealthSettings }) {
  const { t } = useTranslation();
  const save = useSaveHealthSettings();
  const { values, setField, errors, setErrors } = useForm<Values>({ diskFullPct: saved.diskFullPct, silentDays: saved.silentDays,
    enabled: saved.ticket.enabled, categoryId: saved.ticket.categoryId, priority: saved.ticket.priority });

  function handleSubmit(event: React.FormEvent) {
    event.preventDefault();
    const body = { diskFullPct: values.diskFullPct, silentDays: values.silentDays,
      ticket: { enabled: values.enabled, categoryId: values.categoryId, priority: values.priority } };
    const checked = validate(HealthSettingsBodySchema, body, t);
    if (!checked.ok) return setErrors(checked.errors);
    // A promise rather than mutate's callbacks: the saved settings remount this form, which drops those callbacks.
    save.mutateAsync(checked.data as HealthSettingsBody).then(
      () => notifications.show({ color: "green", message: t("health.settings.saved") }),
      (error: unknown) => setErrors(serverFieldErrors(error, t)),
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={t("health.tabs.settings")}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t("health.settings.intro")}</Text>
        <ApiErrorAlert error={save.error} />
        <NumberInput label={t("health.settings.diskFullPct")} description={t("health.settings.diskFullPctHelp")} required
          min={DISK_FULL_PCT.min} max={DISK_FULL_PCT.max} allowDecimal={false} value={values.diskFullPct} error={errors.diskFullPct}
          onChange={(v) => setField("diskFullPct", numberOf(v))} />
        <NumberInput label={t("health.settings.silentDays")} description={t("health.settings.silentDaysHelp")} required
          min={SILENT_DAYS.min} max={SILENT_DAYS.max} allowDecimal={false} value={values.silentDays} error={errors.silentDays}
          onChange={(v) => setField("silentDays", numberOf(v))} />
        <Switch label={t("health.settings.ticketEnabled")} description={t("health.settings.ticketEnabledHelp")} checked={values.enabled}
          onChange={(e) => setField("enabled", e.currentTarget.checked)} />
        {values.enabled && (
          <>
            <CategorySelect label={t("health.settings.category")} description={t("health.settings.categoryHelp")} value={values.categoryId}
              initialLabel={saved.ticket.categoryName} onChange={(id) => setField("categoryId", id)} error={errors.ticket} />
            <Select label={t("health.settings.priority")} value={String(values.priority)} allowDeselect={false}
              data={["1", "2", "3", "4", "5"].map((n) => ({ value: n, label: t(`tickets.scale.${n as "1"}`) }))}
              onChange={(v) => v && setField("priority", Number(v))} />
          </>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>{t("health.settings.save")}</Button>
        </Group>
      </Stack>
    </form>
  );
}
