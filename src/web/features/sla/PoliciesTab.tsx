import { ActionIcon, Badge, Button, Checkbox, Group, NumberInput, Paper, Select, Skeleton, Stack, Switch, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SLA_NOTIFY_WHO, SLA_TARGET_KINDS, SLA_TRIGGERS, type SlaLevel, type SlaPolicy, type SlaTarget } from "../../../shared/api/sla.js";
import { isApiError } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../components/EntitySelect.js";
import { CategorySelect } from "../categories/CategorySelect.js";
import { SlaRowActions } from "./SlaRowActions.js";
import { GroupSelect } from "../tickets/ticket-ui.js";
import { usePolicyWording } from "./history-wording.js";
import { useDeletePolicy, useSavePolicy, useSlaPolicies } from "./useSla.js";
import { EntityContractSelect } from "./ContractSelect.js";

const PRIORITIES = [5, 4, 3, 2, 1] as const;

type Row = { own: number | ""; resolve: number | "" };
type Draft = { id: number | null; version: number; name: string; entityId: number | null; isRecursive: boolean; categoryId: number | null;
  categoryName: string | null; contractId: number | null; contractName: string | null; isActive: boolean; targets: Record<number, Row>; levels: SlaLevel[] };

const hours = (minutes: number | null): number | "" => (minutes === null ? "" : Math.round((minutes / 60) * 100) / 100);
const minutes = (value: number | ""): number | null => (value === "" ? null : Math.round(value * 60));

const EMPTY: Draft = { id: null, version: 1, name: "", entityId: null, isRecursive: true, categoryId: null, categoryName: null, contractId: null, contractName: null,
  isActive: true, targets: { 5: { own: 0.5, resolve: 4 }, 4: { own: 1, resolve: 8 }, 3: { own: 2, resolve: 16 }, 2: { own: 4, resolve: 24 }, 1: { own: 8, resolve: 40 } },
  levels: [] };

function fromPolicy(p: SlaPolicy): Draft {
  const targets = Object.fromEntries(PRIORITIES.map((priority) => {
    const target = p.targets.find((x) => x.priority === priority);
    return [priority, { own: hours(target?.ownMinutes ?? null), resolve: hours(target?.resolveMinutes ?? null) }];
  }));
  return { id: p.id, version: p.version, name: p.name, entityId: p.entityId, isRecursive: p.isRecursive, categoryId: p.categoryId,
    categoryName: p.categoryName, contractId: p.contractId, contractName: p.contractName, isActive: p.isActive, targets, levels: p.levels };
}

const NEW_LEVEL: SlaLevel = { target: "resolve", trigger: "share", percent: 75, minutesAfter: null, notify: ["assignee", "group"], groupId: null, raisePriority: false };

function formatMinutes(value: number | null): string {
  if (value === null) return "—";
  return value % 60 === 0 ? `${value / 60} h` : value > 60 ? `${Math.floor(value / 60)} h ${value % 60}` : `${value} min`;
}

export function PoliciesTab() {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const remove = useDeletePolicy();
  const wording = usePolicyWording();
  const [draft, setDraft] = useState<Draft | null>(null);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">{t("sla.policies.intro")}</Text>
      <ApiErrorAlert error={policies.error ?? remove.error} />
      {policies.isPending ? <Skeleton h={80} /> : (
        <div className="table-scroll">
          <Table aria-label={t("sla.tabs.policies")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("sla.policies.name")}</Table.Th>
                <Table.Th>{t("sla.policies.entity")}</Table.Th>
                <Table.Th>{t("sla.policies.category")}</Table.Th>
                <Table.Th>{t("sla.policies.targets")}</Table.Th>
                <Table.Th>{t("sla.policies.levels")}</Table.Th>
                <Table.Th>{t("sla.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {policies.data?.data.length === 0 && (
                <Table.Tr><Table.Td colSpan={6}><Text size="sm" c="dimmed">{t("sla.policies.none")}</Text></Table.Td></Table.Tr>
              )}
              {policies.data?.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.name} {!p.isActive && <Badge color="gray" variant="light">{t("sla.policies.inactive")}</Badge>}</Table.Td>
                  <Table.Td>
                    {p.contractName ? p.entityName : `${p.entityName}${p.isRecursive ? ` ${t("sla.policies.andBelow")}` : ""}`}
                    {p.contractName && <Text size="xs" c="dimmed">{t("slaContracts.ticket.contract", { name: p.contractName })}</Text>}
                  </Table.Td>
                  <Table.Td>{p.categoryName ?? t("sla.policies.anyCategory")}</Table.Td>
                  <Table.Td>
                    {[...p.targets].sort((a, b) => b.priority - a.priority).map((x) => (
                      <Text size="xs" key={x.priority}>{t("sla.policies.targetLine", { priority: x.priority, own: formatMinutes(x.ownMinutes), resolve: formatMinutes(x.resolveMinutes) })}</Text>
                    ))}
                  </Table.Td>
                  <Table.Td>{p.levels.length}</Table.Td>
                  <Table.Td>
                    <SlaRowActions kind="policies" item={p} wording={wording} onEdit={() => setDraft(fromPolicy(p))} onDelete={() => remove.mutateAsync(p.id)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {draft ? <PolicyForm key={draft.id ?? "new"} initial={draft} onDone={() => setDraft(null)} />
        : <Group><Button onClick={() => setDraft(EMPTY)}>{t("sla.policies.new")}</Button></Group>}
    </Stack>
  );
}

function PolicyForm({ initial, onDone }: { initial: Draft; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSavePolicy();
  const [draft, setDraft] = useState(initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setTarget = (priority: number, field: keyof Row, value: number | "") =>
    setDraft((d) => ({ ...d, targets: { ...d.targets, [priority]: { ...d.targets[priority]!, [field]: value } } }));
  const setLevel = (index: number, patch: Partial<SlaLevel>) =>
    setDraft((d) => ({ ...d, levels: d.levels.map((level, i) => (i === index ? { ...level, ...patch } : level)) }));
  const issues = isApiError(save.error) ? save.error.issues : [];
  const issueAt = (path: string) => (issues.some((i) => i.path === path || i.path.startsWith(`${path}.`)) ? t("sla.policies.fieldInvalid") : undefined);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (draft.entityId === null) return;
    const targets: SlaTarget[] = PRIORITIES.map((priority) => ({ priority, ownMinutes: minutes(draft.targets[priority]!.own), resolveMinutes: minutes(draft.targets[priority]!.resolve) }))
      .filter((x) => x.ownMinutes !== null || x.resolveMinutes !== null);
    const saved = await save.mutateAsync({ id: draft.id, body: { name: draft.name.trim(), entityId: draft.entityId, isRecursive: draft.isRecursive,
      categoryId: draft.categoryId, contractId: draft.contractId, isActive: draft.isActive, targets, levels: draft.levels, version: draft.version } });
    notifications.show({ color: "green", message: t("sla.policies.saved", { name: saved.name }) });
    onDone();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={(e) => void submit(e).catch(() => undefined)} aria-labelledby="sla-policy-form">
      <Stack gap="sm">
        <Title order={3} size="h4" id="sla-policy-form">{draft.id === null ? t("sla.policies.new") : t("sla.policies.editTitle", { name: initial.name })}</Title>
        <Group align="end" wrap="wrap">
          <TextInput label={t("sla.policies.name")} value={draft.name} onChange={(e) => set("name", e.currentTarget.value)} required maxLength={200} />
          <EntitySelect label={t("sla.policies.entity")} value={draft.entityId}
            onChange={(id) => setDraft((d) => ({ ...d, entityId: id, contractId: id === d.entityId ? d.contractId : null }))} required />
          <CategorySelect label={t("sla.policies.category")} value={draft.categoryId} initialLabel={draft.categoryName ?? undefined}
            onChange={(id: number | null) => set("categoryId", id)} entityId={draft.entityId ?? undefined} clearable placeholder={t("sla.policies.anyCategory")}
            error={issueAt("body.categoryId")} />
          <EntityContractSelect entityId={draft.entityId} value={draft.contractId} initialLabel={draft.contractName} w={380}
            onChange={(id) => set("contractId", id)} error={issueAt("body.contractId")} />
        </Group>
        {draft.contractId !== null && <Text size="sm" c="dimmed">{t("slaContracts.policyHelp")}</Text>}
        <Group>
          {/* A contract's SLA follows the tickets worked under the contract, wherever they are below its entity. */}
          {draft.contractId === null && (
            <Checkbox label={t("sla.policies.recursive")} checked={draft.isRecursive} onChange={(e) => set("isRecursive", e.currentTarget.checked)} />
          )}
          <Switch label={t("sla.policies.active")} checked={draft.isActive} onChange={(e) => set("isActive", e.currentTarget.checked)} />
        </Group>
        <Text size="sm" c="dimmed">{t("sla.policies.targetsHelp")}</Text>
        <div className="table-scroll">
          <Table aria-label={t("sla.policies.targets")} w="auto">
            <Table.Thead>
              <Table.Tr><Table.Th>{t("sla.policies.priority")}</Table.Th><Table.Th>{t("sla.policies.own")}</Table.Th><Table.Th>{t("sla.policies.resolve")}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {PRIORITIES.map((priority) => (
                <Table.Tr key={priority}>
                  <Table.Td>{t(`sla.priorities.p${priority}`)}</Table.Td>
                  {(["own", "resolve"] as const).map((field) => (
                    <Table.Td key={field}>
                      <NumberInput aria-label={t(`sla.policies.${field}For`, { priority })} value={draft.targets[priority]![field]}
                        onChange={(v) => setTarget(priority, field, typeof v === "number" ? v : "")} min={0.25} step={0.5} decimalScale={2} w={110}
                        rightSection={<Text size="xs" c="dimmed">h</Text>} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <Title order={4} size="h5">{t("sla.policies.levels")}</Title>
        <Text size="sm" c="dimmed">{t("sla.policies.levelsHelp")}</Text>
        {draft.levels.map((level, index) => (
          <Paper key={level.id ?? `new-${index}`} withBorder p="sm" aria-label={t("sla.policies.levelN", { n: index + 1 })}>
            <Group align="end" wrap="wrap">
              <Select label={t("sla.policies.levelTarget")} data={SLA_TARGET_KINDS.map((v) => ({ value: v, label: t(`sla.targets.${v}`) }))} value={level.target}
                onChange={(v) => v && setLevel(index, { target: v as SlaLevel["target"] })} allowDeselect={false} w={170} error={issueAt(`body.levels.${index}.target`)} />
              <Select label={t("sla.policies.trigger")} data={SLA_TRIGGERS.map((v) => ({ value: v, label: t(`sla.triggers.${v}`) }))} value={level.trigger}
                onChange={(v) => v && setLevel(index, { trigger: v as SlaLevel["trigger"], percent: v === "share" ? level.percent ?? 75 : null, minutesAfter: v === "after" ? level.minutesAfter ?? 0 : null })}
                allowDeselect={false} w={200} />
              {level.trigger === "share" ? (
                <NumberInput label={t("sla.policies.percent")} value={level.percent ?? ""} min={1} max={100} w={100} rightSection={<Text size="xs" c="dimmed">%</Text>}
                  onChange={(v) => setLevel(index, { percent: typeof v === "number" ? v : null })} error={issueAt(`body.levels.${index}.percent`)} />
              ) : (
                <NumberInput label={t("sla.policies.minutesAfter")} value={level.minutesAfter ?? 0} min={0} w={130}
                  onChange={(v) => setLevel(index, { minutesAfter: typeof v === "number" ? v : 0 })} />
              )}
              <ActionIcon variant="subtle" color="red" aria-label={t("sla.policies.removeLevel", { n: index + 1 })}
                onClick={() => set("levels", draft.levels.filter((_, i) => i !== index))}>×</ActionIcon>
            </Group>
            <Group mt="xs" align="end" wrap="wrap">
              <Checkbox.Group label={t("sla.policies.notify")} value={level.notify} onChange={(v) => setLevel(index, { notify: v as SlaLevel["notify"] })}
                error={issues.some((i) => i.path === `body.levels.${index}`) ? t("sla.policies.levelNoAction") : undefined}>
                <Group gap="sm" mt={4}>
                  {SLA_NOTIFY_WHO.map((who) => <Checkbox key={who} value={who} label={t(`sla.notify.${who}`)} />)}
                </Group>
              </Checkbox.Group>
              <GroupSelect label={t("sla.policies.reassign")} value={level.groupId} onChange={(id) => setLevel(index, { groupId: id })} clearable w={220}
                error={issueAt(`body.levels.${index}.groupId`)} />
              <Checkbox label={t("sla.policies.raisePriority")} checked={level.raisePriority} onChange={(e) => setLevel(index, { raisePriority: e.currentTarget.checked })} />
            </Group>
          </Paper>
        ))}
        <Group><Button variant="light" onClick={() => set("levels", [...draft.levels, NEW_LEVEL])}>{t("sla.policies.addLevel")}</Button></Group>
        <ApiErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>{t("sla.save")}</Button>
          <Button variant="default" onClick={onDone}>{t("sla.cancel")}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
