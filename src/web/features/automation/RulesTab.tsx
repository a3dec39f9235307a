import { ActionIcon, Badge, Button, Drawer, Group, Skeleton, Stack, Switch, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Rule } from "../../../shared/api/automation.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { DeleteButton } from "./DeleteButton.js";
import { HistoryButton } from "../history/HistoryButton.js";
import { useRuleWording } from "./history-wording.js";
import { RuleEditor } from "./RuleEditor.js";
import { useRuleCommand, useRules } from "./useAutomation.js";

/** The rules in the order they run, each enabled or not, movable, editable. */
export function RulesTab() {
  const { t } = useTranslation();
  const rules = useRules();
  const command = useRuleCommand();
  const wording = useRuleWording();
  const [editing, setEditing] = useState<Rule | "new" | null>(null);
  const rows = rules.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text c="dimmed" size="sm" maw={640}>{t("automation.rules.help")}</Text>
        <Button onClick={() => setEditing("new")}>{t("automation.rules.new")}</Button>
      </Group>
      <ApiErrorAlert error={rules.error ?? command.error} />
      {rules.isPending ? <Skeleton h={160} /> : rows.length === 0 ? <Text c="dimmed">{t("automation.rules.empty")}</Text> : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={t("automation.tabs.rules")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th><Table.Th>{t("automation.rules.name")}</Table.Th><Table.Th>{t("automation.entity")}</Table.Th>
                <Table.Th>{t("automation.rules.trigger")}</Table.Th><Table.Th>{t("automation.rules.active")}</Table.Th><Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((rule, i) => (
                <Table.Tr key={rule.id} data-rule={rule.name}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>
                    <Text fw={600} size="sm">{rule.name}</Text>
                    <Text size="xs" c="dimmed">
                      {t("automation.rules.summary", { conditions: rule.conditions.length, actions: rule.actions.length })}
                      {rule.stopFurther ? ` · ${t("automation.rules.stops")}` : ""}
                    </Text>
                  </Table.Td>
                  <Table.Td><Text size="sm">{rule.entityName}{rule.isRecursive ? ` ${t("automation.andBelow")}` : ""}</Text></Table.Td>
                  <Table.Td><Badge variant="light">{t(`automation.triggers.${rule.trigger}`)}</Badge></Table.Td>
                  <Table.Td>
                    <Switch aria-label={t("automation.rules.activeFor", { name: rule.name })} checked={rule.isActive}
                      onChange={(e) => command.mutate({ kind: "active", id: rule.id, isActive: e.currentTarget.checked, version: rule.version })} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={t("automation.rules.up", { name: rule.name })} disabled={i === 0}
                        onClick={() => command.mutate({ kind: "move", id: rule.id, direction: "up" })}>↑</ActionIcon>
                      <ActionIcon variant="subtle" aria-label={t("automation.rules.down", { name: rule.name })} disabled={i === rows.length - 1}
                        onClick={() => command.mutate({ kind: "move", id: rule.id, direction: "down" })}>↓</ActionIcon>
                      <Button size="xs" variant="subtle" onClick={() => setEditing(rule)}>{t("automation.edit")}</Button>
                      <HistoryButton recordType="automation_rule" id={rule.id} name={rule.name} wording={wording} />
                      <DeleteButton name={rule.name} onConfirm={() => command.mutateAsync({ kind: "delete", id: rule.id })} mutation={command} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Drawer opened={editing !== null} onClose={() => setEditing(null)} position="right" size="xl"
        title={editing === "new" ? t("automation.rules.new") : t("automation.rules.edit")}>
        {editing !== null && <RuleEditor rule={editing === "new" ? undefined : editing} onDone={() => setEditing(null)} />}
      </Drawer>
    </Stack>
  );
}
