import { Button, Checkbox, Group, Paper, SegmentedControl, Select, Skeleton, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { KB_AUDIENCES, KB_KINDS, KB_LANGUAGES, type KbArticle, type KbDraft, type KbTarget } from "../../../shared/api/kb.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { BodyField } from "./ArticleBodyField.js";
import { TargetsPicker } from "./TargetsPicker.js";
import { uiLanguage } from "./kb-ui.js";
import { useArticle, useCreateArticle, useDraftFromTicket, useKbCategories, useUpdateArticle } from "./useKb.js";

type Form = {
  kind: "article" | "known_error"; title: string; body: string; symptom: string; cause: string; workaround: string; fix: string;
  audience: "internal" | "portal"; language: "fr" | "en"; categoryId: string | null; tags: string; isRecursive: boolean;
  targets: KbTarget[];
};

function fromArticle(a: KbArticle): Form {
  return { kind: a.kind, title: a.title, body: a.body, symptom: a.symptom ?? "", cause: a.cause ?? "", workaround: a.workaround ?? "",
    fix: a.fix ?? "", audience: a.audience, language: a.language, categoryId: a.categoryId ? String(a.categoryId) : null,
    tags: a.tags.join(", "), isRecursive: a.isRecursive, targets: a.targets };
}

function fromDraft(d: KbDraft | undefined, language: "fr" | "en"): Form {
  return { kind: d?.kind ?? "article", title: d?.title ?? "", body: d?.body ?? "", symptom: d?.symptom ?? "", cause: "", workaround: "",
    fix: d?.fix ?? "", audience: "internal", language, categoryId: d?.categoryId ? String(d.categoryId) : null, tags: "", isRecursive: true,
    targets: d?.targets ?? [] };
}

function toBody(f: Form) {
  const text = (v: string) => (v.trim() ? v : null);
  return {
    kind: f.kind, title: f.title, body: f.body, audience: f.audience, language: f.language, isRecursive: f.isRecursive,
    categoryId: f.categoryId ? Number(f.categoryId) : null,
    tags: f.tags.split(",").map((s) => s.trim()).filter(Boolean),
    symptom: text(f.symptom), cause: text(f.cause), workaround: text(f.workaround), fix: text(f.fix),
    targets: f.kind === "known_error" ? f.targets.map((x) => ({ type: x.type, id: x.id })) : [],
  };
}

/** /kb/new (optionally ?ticket=N: drafted from that solved ticket) and /kb/articles/:id/edit. */
export function ArticleEditorPage() {
  const id = Number(useParams().id) || 0;
  const [params] = useSearchParams();
  const ticketId = Number(params.get("ticket")) || undefined;
  const { i18n } = useTranslation();
  const article = useArticle(id);
  const draft = useDraftFromTicket(id ? undefined : ticketId);
  if (id && article.isPending) return <Skeleton h={400} />;
  if (id && article.isError) return <ApiErrorAlert error={article.error} />;
  if (ticketId && draft.isPending) return <Skeleton h={400} />;
  const language = uiLanguage(i18n.language);
  const initial = id && article.data ? fromArticle(article.data) : fromDraft(draft.data, language);
  return <Editor key={`${id}-${ticketId ?? ""}`} initial={initial} article={id ? article.data : undefined} draft={draft.data} draftError={draft.error} ticketId={ticketId} />;
}

function Editor({ initial, article, draft, draftError, ticketId }: {
  initial: Form; article?: KbArticle; draft?: KbDraft; draftError: unknown; ticketId?: number;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(initial);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const create = useCreateArticle();
  const update = useUpdateArticle(article?.id ?? 0);
  const categories = useKbCategories();
  const saving = create.isPending || update.isPending;

  const save = () => {
    if (article) {
      update.mutate({ ...toBody(form), version: article.version }, {
        onSuccess: (a) => { notifications.show({ color: "green", message: t("kb.editor.saved") }); void navigate(`/kb/articles/${a.id}`); },
      });
      return;
    }
    const extra = draft ? { entityId: draft.entityId, ticketIds: draft.ticketIds } : {};
    create.mutate({ ...toBody(form), ...extra }, {
      onSuccess: (a) => { notifications.show({ color: "green", message: t("kb.editor.created") }); void navigate(`/kb/articles/${a.id}`); },
    });
  };
  const crumbs = [{ label: t("kb.title"), to: "/kb" }, ...(article ? [{ label: article.title, to: `/kb/articles/${article.id}` }] : [])];
  return (
    <>
      <PageHeader crumbs={crumbs} title={article ? t("kb.editor.editTitle") : t("kb.editor.newTitle")}
        description={ticketId ? t("kb.editor.fromTicket", { id: ticketId }) : undefined} />
      <ApiErrorAlert error={draftError} />
      <form onSubmit={(e) => { e.preventDefault(); save(); }}>
        <Stack gap="sm" maw={960}>
          <TextInput label={t("kb.editor.title")} required value={form.title} onChange={(e) => set("title", e.currentTarget.value)} maxLength={200} />
          <Group gap="sm" align="flex-end" wrap="wrap">
            <div>
              <Text fz="sm" fw={500} id="kb-kind-label">{t("kb.editor.kind")}</Text>
              <SegmentedControl aria-labelledby="kb-kind-label" value={form.kind} onChange={(v) => set("kind", v as Form["kind"])}
                data={KB_KINDS.map((k) => ({ value: k, label: t(`kb.kinds.${k}`) }))} />
            </div>
            <Select label={t("kb.editor.audience")} value={form.audience} allowDeselect={false} w={220}
              data={KB_AUDIENCES.map((a) => ({ value: a, label: t(`kb.audiences.${a}`) }))} onChange={(v) => v && set("audience", v as Form["audience"])} />
            <Select label={t("kb.editor.language")} value={form.language} allowDeselect={false} w={140}
              data={KB_LANGUAGES.map((l) => ({ value: l, label: t(`kb.languages.${l}`) }))} onChange={(v) => v && set("language", v as Form["language"])} />
            <Select label={t("kb.editor.category")} value={form.categoryId} clearable placeholder={t("kb.editor.noCategory")} w={260} searchable
              data={(categories.data?.data ?? []).map((c) => ({ value: String(c.id), label: c.completeName }))} onChange={(v) => set("categoryId", v)} />
          </Group>
          {form.kind === "known_error" && <KnownErrorFields form={form} set={set} />}
          <BodyField value={form.body} onChange={(v) => set("body", v)} article={article} />
          <TextInput label={t("kb.editor.tags")} description={t("kb.editor.tagsHelp")} value={form.tags} onChange={(e) => set("tags", e.currentTarget.value)} />
          <Checkbox label={t("kb.editor.recursive")} checked={form.isRecursive} onChange={(e) => set("isRecursive", e.currentTarget.checked)} />
          <ApiErrorAlert error={create.error ?? update.error} />
          <Group>
            <Button type="submit" loading={saving}>{t("kb.editor.save")}</Button>
            <Button variant="default" onClick={() => void navigate(article ? `/kb/articles/${article.id}` : "/kb")}>{t("kb.editor.cancel")}</Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

function KnownErrorFields({ form, set }: { form: Form; set: <K extends keyof Form>(key: K, value: Form[K]) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        {(["symptom", "cause", "workaround", "fix"] as const).map((f) => (
          <Textarea key={f} label={t(`kb.article.${f}`)} autosize minRows={2} value={form[f]} onChange={(e) => set(f, e.currentTarget.value)} />
        ))}
        <TargetsPicker value={form.targets} onChange={(targets) => set("targets", targets)} />
      </Stack>
    </Paper>
  );
}
