import { describe, expect, it } from "vitest";
import type { ScriptGraph } from "../../../../shared/api/kb-scripts.js";
import { issuesFromServer, layout, removeNode, replaceNode } from "./graph-edit.js";

const graph: ScriptGraph = { start: "q1", nodes: [
  { id: "q1", type: "question", text: "Allumée ?", answers: [{ label: "Oui", next: "o1" }, { label: "Non", next: "o1" }] },
  { id: "o1", type: "outcome", title: "Fin", outcome: { kind: "solve", text: "ok" } },
  { id: "lost", type: "outcome", title: "Perdu", outcome: { kind: "solve", text: "ok" } },
] };

describe("the script editor's graph operations", () => {
  it("keeps the answers leading to a renamed node", () => {
    const renamed = replaceNode(graph, "o1", { id: "done", type: "outcome", title: "Fin", outcome: { kind: "solve", text: "ok" } });
    expect(renamed.nodes[0]).toMatchObject({ answers: [{ next: "done" }, { next: "done" }] });
  });

  it("reads the server's issues back onto their nodes and answers", () => {
    expect(issuesFromServer([{ path: "graph.node.q1.answers.1", message: "", code: "DANGLING_ANSWER" },
      { path: "graph.start", message: "", code: "NO_START" }])).toEqual([{ nodeId: "q1", code: "DANGLING_ANSWER", answer: 1 }, { nodeId: null, code: "NO_START" }]);
  });

  it("puts what the start reaches in rows, and the unreachable below", () => {
    const at = layout(removeNode(graph, "nothing"));
    expect(at.get("q1")?.y).toBe(0);
    expect(at.get("o1")?.y).toBe(150);
    expect(at.get("lost")?.y).toBe(300);
  });
});
