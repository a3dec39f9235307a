import { Alert, Button, Grid, Group, Paper, Select, Skeleton, Stack, Switch, Tabs, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { GraphIssue, SaveScriptBody, Script, ScriptGraph } from "../../../../shared/api/kb-scripts.js";
import { ApiError } from "../../../api/client.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { RecordError } from "../../../components/StatusPages.js";
import { useMe } from "../../auth/useAuth.js";
import { emptyGraph, groupIssues, issuesFromServer } from "./graph-edit.js";
import { GraphEditor } from "./GraphEditor.js";
import { ScriptStatsTab } from "./ScriptStatsTab.js";
import { ScriptVersionsTab } from "./ScriptVersionsTab.js";
import { useCheckScript, useSaveScript, useScript } from "./useScripts.js";

type Meta = Omit<SaveScriptBody, "graph" | "entityId"> & { entityId: number | null };

/** A script's page: the visual editor (save = a new version), its versions and its statistics. */
export function ScriptEditorPage() {
  const id = useParams().id;
  const scriptId = id === undefined ? undefined : Number(id);
  const script = useScript(scriptId);
  if (scriptId !== undefined && script.isPending) return <Skeleton h={400} />;
  if (script.isError) return <RecordError error={script.error} />;
  return <ScriptEditor key={script.data?.versionId ?? "new"} script={script.data} />;
}

function ScriptEditor({ script }: { script: Script | undefined }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const lang = i18n.language.startsWith("en") ? "en" : "fr";
  const [meta, setMeta] = useState<Meta>(() => script
    ? { entityId: script.entityId, name: script.name, description: script.description, forPortal: script.forPortal, language: script.language, isActive: script.isActive }
    : { entityId: me.entityId, name: "", description: "", forPortal: false, language: lang, isActive: true });
  const [graph, setGraph] = useState<ScriptGraph>(() => script?.graph ?? emptyGraph(t("scripts.editor.firstQuestion"), t("scripts.yes"), t("scripts.no")));
  const [selected, setSelected] = useState<string | null>(graph.start);
  const [issues, setIssues] = useState<GraphIssue[] | null>(null);
  const [tab, setTab] = useState<string | null>("editor");
  const save = useSaveScript(script?.id);
  const check = useCheckScript();
  const grouped = groupIssues(issues ?? []);

  // An edit may bring new problems: "no problems" goes until the next check; the red marks stay until then.
  function editGraph(next: ScriptGraph) {
    setGraph(next);
    setIssues((current) => (current && current.length === 0 ? null : current));
  }

  const body = (): SaveScriptBody => ({ ...meta, entityId: meta.entityId ?? 0, graph });
  function showIssues(found: GraphIssue[]) {
    setIssues(found);
    const first = found.find((i) => i.nodeId !== null);
    if (first?.nodeId) setSelected(first.nodeId);
  }
  function handleSave() {
    save.mutate(body(), {
      onSuccess: (saved) => {
        notifications.show({ color: "green", message: t("scripts.editor.saved", { version: saved.version }) });
        if (!script) void navigate(`/kb/scripts/${saved.id}`, { replace: true });
      },
      onError: (error) => { if (error instanceof ApiError && error.code === "SCRIPT_GRAPH_INVALID") showIssues(issuesFromServer(error.issues)); },
    });
  }

  return (
    <>
      <PageHeader crumbs={[{ label: t("scripts.title"), to: "/kb/scripts" }]} title={script ? script.name : t("scripts.editor.newTitle")}
        description={script ? t("scripts.editor.versionOf", { version: script.version }) : t("scripts.editor.newDescription")}
        actions={tab === "editor" && (
          <Group gap="xs">
            <Button variant="default" onClick={() => check.mutate(body(), { onSuccess: (r) => showIssues(r.issues) })} loading={check.isPending}>
              {t("scripts.editor.check")}
            </Button>
            <Button onClick={handleSave} loading={save.isPending}>{t("scripts.editor.save")}</Button>
          </Group>
        )} />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="md">
          <Tabs.Tab value="editor">{t("scripts.editor.tab")}</Tabs.Tab>
          {script && <Tabs.Tab value="versions">{t("scripts.versions.tab")}</Tabs.Tab>}
          {script && <Tabs.Tab value="stats">{t("scripts.stats.tab")}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="editor">
          <Stack gap="md">
            <MetaForm meta={meta} onChange={setMeta} />
            {save.error && !(save.error instanceof ApiError && save.error.code === "SCRIPT_GRAPH_INVALID") && <ApiErrorAlert error={save.error} />}
            {issues !== null && (issues.length === 0
              ? <Alert color="green" py="xs">{t("scripts.editor.noIssues")}</Alert>
              : <Alert color="red" py="xs" title={t("scripts.editor.issuesTitle", { count: issues.length })}>
                {grouped.has(null) ? t("scripts.issues.NO_START") : t("scripts.editor.issuesHelp")}
              </Alert>)}
            <GraphEditor graph={graph} onChange={editGraph} selected={selected} onSelect={setSelected} issues={grouped} entityId={meta.entityId} />
          </Stack>
        </Tabs.Panel>
        {script && (
          <Tabs.Panel value="versions">
            {tab === "versions" && <ScriptVersionsTab script={script} onRestore={(g) => { editGraph(g); setSelected(g.start); setTab("editor"); }} />}
          </Tabs.Panel>
        )}
        {script && <Tabs.Panel value="stats">{tab === "stats" && <ScriptStatsTab scriptId={script.id} />}</Tabs.Panel>}
      </Tabs>
    </>
  );
}

function MetaForm({ meta, onChange }: { meta: Meta; onChange: (meta: Meta) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md">
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput label={t("scripts.editor.name")} value={meta.name} required onChange={(e) => onChange({ ...meta, name: e.currentTarget.value })} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <EntitySelect label={t("scripts.editor.entity")} value={meta.entityId} required onChange={(entityId) => onChange({ ...meta, entityId })} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label={t("scripts.editor.description")} value={meta.description} autosize minRows={1}
            onChange={(e) => onChange({ ...meta, description: e.currentTarget.value })} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Group gap="lg">
            <Select label={t("scripts.editor.language")} value={meta.language} allowDeselect={false} w={160}
              data={[{ value: "fr", label: t("scripts.languages.fr") }, { value: "en", label: t("scripts.languages.en") }]}
              onChange={(language) => onChange({ ...meta, language: (language ?? "fr") as Meta["language"] })} />
            <Switch label={t("scripts.editor.forPortal")} checked={meta.forPortal} mt="lg"
              onChange={(e) => onChange({ ...meta, forPortal: e.currentTarget.checked })} />
            <Switch label={t("scripts.editor.active")} checked={meta.isActive} mt="lg"
              onChange={(e) => onChange({ ...meta, isActive: e.currentTarget.checked })} />
          </Group>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
