import "@xyflow/react/dist/style.css";
import { Badge, Text } from "@mantine/core";
import { Background, Controls, type Edge, Handle, type Node, type NodeProps, Position, ReactFlow } from "@xyflow/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ScriptGraph, ScriptNode } from "../../../../shared/api/kb-scripts.js";
import { type NodeIssues, layout } from "./graph-edit.js";

type Data = { node: ScriptNode; isStart: boolean; problems: string[] };
type FlowNode = Node<Data, "script">;

const COLORS = { question: "blue", article: "teal", fields: "grape", solve: "green", escalate: "orange" } as const;

function ScriptFlowNode({ data, selected }: NodeProps<FlowNode>) {
  const { t } = useTranslation();
  const { node, isStart, problems } = data;
  const color = node.type === "question" ? COLORS.question : COLORS[node.outcome.kind];
  const border = problems.length > 0 ? "var(--mantine-color-red-6)" : selected ? `var(--mantine-color-${color}-6)` : "var(--mantine-color-default-border)";
  return (
    <div className="script-node" data-node-id={node.id} data-invalid={problems.length > 0 || undefined}
      style={{ width: 220, padding: 8, borderRadius: 8, background: "var(--mantine-color-body)", border: `2px solid ${border}` }}>
      <Handle type="target" position={Position.Top} />
      <Badge size="xs" color={color} variant="light" mb={4}>
        {isStart ? `${t("scripts.editor.start")} · ` : ""}{node.type === "question" ? t("scripts.editor.question") : t(`scripts.outcomeKinds.${node.outcome.kind}`)}
      </Badge>
      <Text size="sm" fw={500} lineClamp={3}>{node.type === "question" ? node.text : node.title}</Text>
      {problems.map((p) => <Text key={p} size="xs" c="red" role="alert">{p}</Text>)}
      {node.type === "question" && <Handle type="source" position={Position.Bottom} />}
    </div>
  );
}

const NODE_TYPES = { script: ScriptFlowNode };

/** The graph as a picture: questions and outcomes top-down, answers as labelled arrows, problems in red on their node. */
export function GraphCanvas({ graph, issues, selected, onSelect }: {
  graph: ScriptGraph;
  issues: NodeIssues;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { nodes, edges } = useMemo(() => {
    const at = layout(graph);
    const ids = new Set(graph.nodes.map((n) => n.id));
    const nodes: FlowNode[] = graph.nodes.map((n) => ({
      id: n.id, type: "script", position: at.get(n.id) ?? { x: 0, y: 0 }, selected: n.id === selected,
      data: { node: n, isStart: n.id === graph.start, problems: (issues.get(n.id) ?? []).map((i) =>
        i.answer === undefined ? t(`scripts.issues.${i.code}`) : `${t(`scripts.issues.${i.code}`)} (${t("scripts.editor.answerN", { n: i.answer + 1 })})`) },
    }));
    const edges: Edge[] = graph.nodes.flatMap((n) => (n.type !== "question" ? [] : n.answers.flatMap((a, i) =>
      ids.has(a.next) ? [{ id: `${n.id}-${i}`, source: n.id, target: a.next, label: a.label, labelBgPadding: [4, 2] as [number, number] }] : [])));
    return { nodes, edges };
  }, [graph, issues, selected, t]);

  return (
    <div style={{ height: 560, border: "1px solid var(--mantine-color-default-border)", borderRadius: 8 }} aria-label={t("scripts.editor.graph")}>
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={NODE_TYPES} fitView nodesDraggable={false} nodesConnectable={false}
        onNodeClick={(_, node) => onSelect(node.id)} minZoom={0.2}>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
