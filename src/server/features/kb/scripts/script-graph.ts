/**
 * The shape rules of a script's graph, checked at save: a pure function, so the editor's
 * problems are named by node (nodeId + code) and tested without a database.
 */
import type { GraphIssue, OutcomeNode, ScriptGraph, ScriptNode } from "../../../../shared/api/kb-scripts.js";

export function nodeMap(graph: ScriptGraph): Map<string, ScriptNode> {
  return new Map(graph.nodes.map((n) => [n.id, n]));
}

/**
 * One start node that exists; unique ids; every question has an answer; every answer leads to
 * an existing node; no cycle (a run must end); every node reachable from the start; every
 * outcome says what it does. Returns every problem found, not only the first.
 */
export function checkGraph(graph: ScriptGraph): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const nodes = nodeMap(graph);
  const seen = new Set<string>();
  for (const n of graph.nodes) {
    if (seen.has(n.id)) issues.push({ nodeId: n.id, code: "DUPLICATE_ID" });
    seen.add(n.id);
    if (n.type === "question") {
      if (n.answers.length === 0) issues.push({ nodeId: n.id, code: "NO_ANSWERS" });
      n.answers.forEach((a, i) => {
        if (!nodes.has(a.next)) issues.push({ nodeId: n.id, code: "DANGLING_ANSWER", answer: i });
      });
    } else if (!isOutcomeComplete(n)) {
      issues.push({ nodeId: n.id, code: "OUTCOME_INCOMPLETE" });
    }
  }
  if (!nodes.has(graph.start)) {
    issues.push({ nodeId: null, code: "NO_START" });
    return issues;
  }
  issues.push(...findCycles(graph.start, nodes));
  const reached = reachable(graph.start, nodes);
  for (const n of graph.nodes) if (!reached.has(n.id)) issues.push({ nodeId: n.id, code: "UNREACHABLE" });
  return issues;
}

function isOutcomeComplete(node: OutcomeNode): boolean {
  const o = node.outcome;
  switch (o.kind) {
    case "article": return Boolean(o.articleId);
    case "fields": return Boolean(o.categoryId || o.priority || o.groupId);
    case "solve": return Boolean(o.text);
    // Without a group, the ticket goes up a level with the note, for the dispatcher to place.
    case "escalate": return Boolean(o.groupId || o.text);
  }
}

const nextsOf = (node: ScriptNode | undefined) => (node?.type === "question" ? node.answers.map((a) => a.next) : []);

function reachable(start: string, nodes: Map<string, ScriptNode>): Set<string> {
  const reached = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const next of nextsOf(nodes.get(queue.pop() as string))) {
      if (nodes.has(next) && !reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return reached;
}

/** A depth-first walk: an answer leading back to a node still on the walk closes a cycle, named by that answer's node. */
function findCycles(start: string, nodes: Map<string, ScriptNode>): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: { id: string; i: number }[] = [{ id: start, i: 0 }];
  state.set(start, "open");
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { id: string; i: number };
    const nexts = nextsOf(nodes.get(top.id));
    if (top.i >= nexts.length) {
      state.set(top.id, "done");
      stack.pop();
      continue;
    }
    const answer = top.i++;
    const next = nexts[answer] as string;
    if (!nodes.has(next)) continue;
    if (state.get(next) === "open") issues.push({ nodeId: top.id, code: "CYCLE", answer });
    else if (!state.has(next)) {
      state.set(next, "open");
      stack.push({ id: next, i: 0 });
    }
  }
  return issues;
}

/** The ids of the outcome nodes and what they reference, for the checks that need the database. */
export function outcomeRefs(graph: ScriptGraph): { nodeId: string; kind: "article" | "category" | "group"; id: number }[] {
  const refs: { nodeId: string; kind: "article" | "category" | "group"; id: number }[] = [];
  for (const n of graph.nodes) {
    if (n.type !== "outcome") continue;
    const o = n.outcome;
    if (o.kind === "article" && o.articleId) refs.push({ nodeId: n.id, kind: "article", id: o.articleId });
    if ((o.kind === "fields") && o.categoryId) refs.push({ nodeId: n.id, kind: "category", id: o.categoryId });
    if ((o.kind === "fields" || o.kind === "escalate") && o.groupId) refs.push({ nodeId: n.id, kind: "group", id: o.groupId });
  }
  return refs;
}
