/**
 * The editor's pure operations on a graph, and the server's 422 issues mapped back to nodes.
 */
import type { GraphIssue, GraphIssueCode, ScriptGraph, ScriptNode } from "../../../../shared/api/kb-scripts.js";
import type { ValidationIssue } from "../../../../shared/api/errors.js";

export type NodeIssues = Map<string | null, { code: GraphIssueCode; answer?: number }[]>;

export function newNodeId(graph: ScriptGraph, prefix: "q" | "o"): string {
  const taken = new Set(graph.nodes.map((n) => n.id));
  let i = graph.nodes.length + 1;
  while (taken.has(`${prefix}${i}`)) i++;
  return `${prefix}${i}`;
}

export function emptyGraph(question: string, yes: string, no: string): ScriptGraph {
  return { start: "q1", nodes: [{ id: "q1", type: "question", text: question, answers: [{ label: yes, next: "" }, { label: no, next: "" }] }] };
}

export function replaceNode(graph: ScriptGraph, id: string, node: ScriptNode): ScriptGraph {
  const renamed = node.id !== id;
  return {
    start: renamed && graph.start === id ? node.id : graph.start,
    nodes: graph.nodes.map((n) => {
      if (n.id === id) return node;
      // A renamed node keeps the answers that led to it.
      if (renamed && n.type === "question") return { ...n, answers: n.answers.map((a) => (a.next === id ? { ...a, next: node.id } : a)) };
      return n;
    }),
  };
}

/** Removes a node; the answers that led to it lead nowhere, which the checks then point at. */
export function removeNode(graph: ScriptGraph, id: string): ScriptGraph {
  return { ...graph, nodes: graph.nodes.filter((n) => n.id !== id) };
}

export function addNode(graph: ScriptGraph, node: ScriptNode, from?: { nodeId: string; answer: number }): ScriptGraph {
  const nodes = [...graph.nodes, node].map((n) => {
    if (!from || n.id !== from.nodeId || n.type !== "question") return n;
    return { ...n, answers: n.answers.map((a, i) => (i === from.answer ? { ...a, next: node.id } : a)) };
  });
  return { ...graph, nodes };
}

export function groupIssues(issues: GraphIssue[]): NodeIssues {
  const map: NodeIssues = new Map();
  for (const i of issues) map.set(i.nodeId, [...(map.get(i.nodeId) ?? []), { code: i.code, answer: i.answer }]);
  return map;
}

const PATH = /^graph\.node\.([A-Za-z0-9_-]+)(?:\.answers\.(\d+))?$/;

/** The server's 422 issues ("graph.node.q2.answers.1", code DANGLING_ANSWER) as the checker's. */
export function issuesFromServer(issues: ValidationIssue[]): GraphIssue[] {
  return issues.flatMap((i): GraphIssue[] => {
    if (i.path === "graph.start") return [{ nodeId: null, code: i.code as GraphIssueCode }];
    const m = PATH.exec(i.path);
    if (!m) return [];
    return [{ nodeId: m[1] as string, code: i.code as GraphIssueCode, ...(m[2] === undefined ? {} : { answer: Number(m[2]) }) }];
  });
}

/**
 * A top-down layout: each node one row below the first question that reaches it; nodes nothing
 * reaches go on a last row, where the checks flag them.
 */
export function layout(graph: ScriptGraph): Map<string, { x: number; y: number }> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const depth = new Map<string, number>();
  const queue: string[] = byId.has(graph.start) ? [graph.start] : [];
  if (queue.length) depth.set(graph.start, 0);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const node = byId.get(id);
    if (node?.type !== "question") continue;
    for (const a of node.answers) {
      if (!byId.has(a.next) || depth.has(a.next)) continue;
      depth.set(a.next, (depth.get(id) ?? 0) + 1);
      queue.push(a.next);
    }
  }
  const last = Math.max(-1, ...depth.values()) + 1;
  const rows = new Map<number, string[]>();
  // Discovery order keeps each row in the order of the answers above it ("Oui" left of "Non").
  const order = [...depth.keys(), ...graph.nodes.map((n) => n.id).filter((id) => !depth.has(id))];
  for (const id of order) {
    const d = depth.get(id) ?? last;
    rows.set(d, [...(rows.get(d) ?? []), id]);
  }
  const positions = new Map<string, { x: number; y: number }>();
  for (const [d, ids] of rows) ids.forEach((id, i) => positions.set(id, { x: (i - (ids.length - 1) / 2) * 260, y: d * 150 }));
  return positions;
}
