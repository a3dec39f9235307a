import { Alert, Button, Group, Skeleton, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SoftwareRule } from "../../../../shared/api/software.js";
import { isApiError } from "../../../api/client.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { RuleCard } from "./RuleCard.js";
import { RulePreview } from "./RulePreview.js";
import { type RuleDraft, type RuleErrors, checkDraft, serverRuleErrors, toDraft, toRule } from "./rules-form.js";
import { useSaveSoftwareRules, useSoftwareRules } from "./useSoftware.js";

/** The ordered software normalisation rules: everyone who reads the fleet sees them, the root's admins change them. */
export function SoftwareRulesPage() {
  const { t } = useTranslation();
  const rules = useSoftwareRules();
  return (
    <>
      <PageHeader crumbs={[{ label: t("assets.title"), to: "/assets" }, { label: t("software.title"), to: "/assets/software" }]}
        title={t("software.rules.title")} description={t("software.rules.description")}
        actions={<Button component={Link} to="/assets/software" variant="default">{t("software.catalogueLink")}</Button>} />
      <Alert variant="light" color="blue" mb="md">
        <Text fz="sm">{t("software.rules.appliesAfterSave")}</Text>
        <Text fz="sm">{t("software.rules.order")}</Text>
      </Alert>
      <ApiErrorAlert error={rules.error} />
      {rules.isPending ? <Skeleton h={200} /> : rules.data && (
        <RulesEditor initial={rules.data.rules} canManage={rules.data.canManage} />
      )}
    </>
  );
}

function RulesEditor({ initial, canManage }: { initial: SoftwareRule[]; canManage: boolean }) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState(() => initial.map((rule) => toDraft(rule)));
  const [errors, setErrors] = useState<Map<number, RuleErrors>>(new Map());
  const save = useSaveSoftwareRules();

  const update = (next: RuleDraft[]) => {
    setDrafts(next);
    setErrors(new Map());
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...drafts];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    update(next);
  };
  /** The rules to send, or undefined (and the problems shown) while one is incomplete. */
  const checked = (): SoftwareRule[] | undefined => {
    const found = new Map(drafts.map((draft, index) => [index, checkDraft(draft)] as const).filter(([, e]) => Object.keys(e).length > 0));
    setErrors(found);
    return found.size === 0 ? drafts.map(toRule) : undefined;
  };
  const handleSave = () => {
    const rules = checked();
    if (!rules) return;
    save.mutate({ rules }, {
      onSuccess: () => notifications.show({ color: "green", message: t("software.rules.saved") }),
      onError: (error) => { if (isApiError(error, "VALIDATION_FAILED")) setErrors(serverRuleErrors(error.issues)); },
    });
  };
  const valid = drafts.every((draft) => Object.keys(checkDraft(draft)).length === 0);

  return (
    <Stack gap="md">
      {!canManage && <Alert variant="light" color="gray">{t("software.rules.readOnly")}</Alert>}
      {drafts.length === 0 && <Text c="dimmed" ta="center" py="md">{t("software.rules.empty")}</Text>}
      {drafts.map((draft, index) => (
        <RuleCard key={draft.key} draft={draft} index={index} count={drafts.length} errors={errors.get(index) ?? {}} readOnly={!canManage}
          onChange={(changed) => update(drafts.map((d) => (d.key === changed.key ? changed : d)))}
          onMove={(by) => move(index, by)} onRemove={() => update(drafts.filter((d) => d.key !== draft.key))} />
      ))}
      {canManage && (
        <Group justify="space-between">
          <Button variant="default" onClick={() => update([...drafts, toDraft()])}>{t("software.rules.add")}</Button>
          <Button onClick={handleSave} loading={save.isPending}>{t("common.save")}</Button>
        </Group>
      )}
      <ApiErrorAlert error={save.error} />
      <RulePreview rules={valid ? drafts.map(toRule) : undefined} onInvalid={() => void checked()} />
    </Stack>
  );
}
