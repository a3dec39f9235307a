import { ActionIcon, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { UserSelect } from "../../components/UserSelect.js";
import { useAddObserver, useObservers, useRemoveObserver } from "./useRelations.js";

/** People who follow the ticket without owning it: they read it and hear of its followups. */
export function ObserversPanel({ ticketId, staff }: { ticketId: number; staff: boolean }) {
  const { t } = useTranslation();
  const observers = useObservers(ticketId);
  const add = useAddObserver(ticketId);
  const remove = useRemoveObserver(ticketId);
  const items = observers.data?.data ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="observers-panel-title">
      <Title id="observers-panel-title" order={2} fz="sm" tt="uppercase" c="dimmed" mb="xs">
        {t("relations.observers")}
      </Title>
      <ApiErrorAlert error={observers.error ?? add.error ?? remove.error} />
      <Stack gap={4}>
        {observers.isSuccess && items.length === 0 && <Text size="sm" c="dimmed">{t("relations.noObservers")}</Text>}
        {items.map((observer) => (
          <Group key={observer.userId} justify="space-between" gap={6} wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" lineClamp={1}>{observer.name}</Text>
              {observer.email && <Text size="xs" c="dimmed" lineClamp={1}>{observer.email}</Text>}
            </div>
            {staff && (
              <ActionIcon variant="subtle" color="gray" aria-label={t("relations.removeObserver", { name: observer.name })}
                onClick={() => remove.mutate(observer.userId)}>
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
      </Stack>
      {staff && (
        // A new key after each addition empties the search box.
        <UserSelect key={items.length} size="xs" label={t("relations.addObserver")} value={null}
          excludeIds={items.map((o) => o.userId)} onChange={(userId) => userId && add.mutate(userId)} />
      )}
    </Paper>
  );
}
