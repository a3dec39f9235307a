import { Button, Grid, Group, Paper, Select, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ScriptGraph, ScriptNode } from "../../../../shared/api/kb-scripts.js";
import { GraphCanvas } from "./GraphCanvas.js";
import { type NodeIssues, addNode, newNodeId, removeNode, replaceNode } from "./graph-edit.js";
import { NodeForm } from "./NodeForm.js";

/** The graph on the left, the selected node's form on the right; every change goes up through onChange. */
export function GraphEditor({ graph, onChange, selected, onSelect, issues, entityId }: {
  graph: ScriptGraph;
  onChange: (graph: ScriptGraph) => void;
  selected: string | null;
  onSelect: (id: string | null) => void;
  issues: NodeIssues;
  entityId: number | null;
}) {
  const { t } = useTranslation();
  const node = graph.nodes.find((n) => n.id === selected);

  function createNext(answer: number, type: "question" | "outcome") {
    if (!node) return;
    const id = newNodeId(graph, type === "question" ? "q" : "o");
    const created: ScriptNode = type === "question"
      ? { id, type, text: t("scripts.editor.newQuestionText"), answers: [{ label: t("scripts.yes"), next: "" }, { label: t("scripts.no"), next: "" }] }
      : { id, type, title: t("scripts.editor.newOutcomeTitle"), outcome: { kind: "solve", text: "" } };
    onChange(addNode(graph, created, { nodeId: node.id, answer }));
    onSelect(id);
  }

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <GraphCanvas graph={graph} issues={issues} selected={selected} onSelect={onSelect} />
        <Group mt="xs" gap="xs">
          <Select aria-label={t("scripts.editor.pickNode")} placeholder={t("scripts.editor.pickNode")} size="xs" value={selected} searchable
            data={graph.nodes.map((n) => ({ value: n.id, label: `${n.id} — ${n.type === "question" ? n.text : n.title}` }))}
            onChange={onSelect} w={320} />
          <Button size="xs" variant="default" onClick={() => { const id = newNodeId(graph, "q"); onChange(addNode(graph,
            { id, type: "question", text: t("scripts.editor.newQuestionText"), answers: [] })); onSelect(id); }}>{t("scripts.editor.addQuestion")}</Button>
          <Button size="xs" variant="default" onClick={() => { const id = newNodeId(graph, "o"); onChange(addNode(graph,
            { id, type: "outcome", title: t("scripts.editor.newOutcomeTitle"), outcome: { kind: "solve", text: "" } })); onSelect(id); }}>{t("scripts.editor.addOutcome")}</Button>
        </Group>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Paper withBorder radius="md" p="md">
          {node ? (
            <NodeForm graph={graph} node={node} entityId={entityId}
              onChange={(next) => { onChange(replaceNode(graph, node.id, next)); onSelect(next.id); }}
              onCreateNext={createNext} onMakeStart={() => onChange({ ...graph, start: node.id })}
              onDelete={() => { onChange(removeNode(graph, node.id)); onSelect(graph.start === node.id ? null : graph.start); }} />
          ) : <Text c="dimmed">{t("scripts.editor.selectNode")}</Text>}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
