import { Select, Stack, Textarea } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Page } from "../../../../shared/api/common.js";
import type { KbArticleSummary } from "../../../../shared/api/kb.js";
import { OUTCOME_KINDS, type Outcome, type OutcomeKind } from "../../../../shared/api/kb-scripts.js";
import { api } from "../../../api/client.js";
import { CategorySelect } from "../../categories/CategorySelect.js";
import { GroupSelect } from "../../tickets/ticket-ui.js";

/** What an outcome does, with the fields its kind needs. */
export function OutcomeFields({ outcome, entityId, onChange }: { outcome: Outcome; entityId: number | null; onChange: (o: Outcome) => void }) {
  const { t } = useTranslation();
  const set = (change: Partial<Outcome>) => onChange({ ...outcome, ...change });
  return (
    <Stack gap="sm">
      <Select label={t("scripts.editor.outcomeKind")} value={outcome.kind} allowDeselect={false}
        data={OUTCOME_KINDS.map((k) => ({ value: k, label: t(`scripts.outcomeKinds.${k}`) }))}
        onChange={(kind) => onChange({ kind: (kind ?? "solve") as OutcomeKind, text: outcome.text })} />
      {outcome.kind === "article" && <ArticleSelect value={outcome.articleId ?? null} onChange={(articleId) => set({ articleId })} />}
      {outcome.kind === "fields" && (
        <>
          <CategorySelect label={t("scripts.editor.category")} value={outcome.categoryId ?? null} entityId={entityId ?? undefined}
            onChange={(categoryId) => set({ categoryId })} />
          <Select label={t("scripts.editor.priority")} clearable value={outcome.priority ? String(outcome.priority) : null}
            data={[1, 2, 3, 4, 5].map((p) => ({ value: String(p), label: t(`tickets.scale.${p}` as "tickets.scale.1") }))}
            onChange={(p) => set({ priority: p ? Number(p) : null })} />
        </>
      )}
      {(outcome.kind === "fields" || outcome.kind === "escalate") && (
        <GroupSelect label={outcome.kind === "escalate" ? t("scripts.editor.escalateGroup") : t("scripts.editor.group")}
          value={outcome.groupId ?? null} onChange={(groupId) => set({ groupId })} clearable />
      )}
      {(outcome.kind === "solve" || outcome.kind === "escalate") && (
        <Textarea label={outcome.kind === "solve" ? t("scripts.editor.solution") : t("scripts.editor.note")} value={outcome.text ?? ""}
          autosize minRows={3} required={outcome.kind === "solve"} onChange={(e) => set({ text: e.currentTarget.value })} />
      )}
    </Stack>
  );
}

/** Picks a knowledge-base article by words of its title. */
function ArticleSelect({ value, onChange }: { value: number | null; onChange: (id: number | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const list = useQuery({
    queryKey: ["/api/kb/articles", { q: debounced, picker: true }],
    queryFn: ({ signal }) => api<Page<KbArticleSummary>>("/api/kb/articles", { query: { q: debounced || undefined, limit: 20 }, signal }),
  });
  const data = (list.data?.data ?? []).map((a) => ({ value: String(a.id), label: a.title }));
  if (value !== null && !data.some((d) => d.value === String(value))) data.unshift({ value: String(value), label: `#${value}` });
  return (
    <Select label={t("scripts.editor.article")} required searchable value={value === null ? null : String(value)} data={data}
      onSearchChange={setSearch} filter={({ options }) => options} nothingFoundMessage={t("common.nothingFound")}
      onChange={(id) => onChange(id ? Number(id) : null)} />
  );
}
