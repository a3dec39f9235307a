import { describe, expect, it } from "vitest";
import type { ScriptGraph } from "../../../../shared/api/kb-scripts.js";
import { checkGraph } from "./script-graph.js";

const solve = (id: string) => ({ id, type: "outcome" as const, title: id, outcome: { kind: "solve" as const, text: "Redémarrer" } });
const ask = (id: string, ...nexts: string[]) => ({
  id, type: "question" as const, text: `${id} ?`, answers: nexts.map((next, i) => ({ label: `r${i}`, next })),
});

describe("checkGraph", () => {
  it("accepts a tree whose answers all end in outcomes", () => {
    const graph: ScriptGraph = { start: "q1", nodes: [ask("q1", "q2", "done"), ask("q2", "done", "done"), solve("done")] };
    expect(checkGraph(graph)).toEqual([]);
  });

  it("names the answer that leads nowhere", () => {
    const graph: ScriptGraph = { start: "q1", nodes: [ask("q1", "done", "ghost"), solve("done")] };
    expect(checkGraph(graph)).toEqual([{ nodeId: "q1", code: "DANGLING_ANSWER", answer: 1 }]);
  });

  it("names the node whose answer closes a cycle", () => {
    const graph: ScriptGraph = { start: "q1", nodes: [ask("q1", "q2"), ask("q2", "q1", "done"), solve("done")] };
    expect(checkGraph(graph)).toEqual([{ nodeId: "q2", code: "CYCLE", answer: 0 }]);
  });

  it("names the nodes no answer reaches", () => {
    const graph: ScriptGraph = { start: "q1", nodes: [ask("q1", "done"), solve("done"), ask("lost", "done")] };
    expect(checkGraph(graph)).toEqual([{ nodeId: "lost", code: "UNREACHABLE" }]);
  });

  it("refuses a graph without its start node", () => {
    const graph: ScriptGraph = { start: "nope", nodes: [ask("q1", "done"), solve("done")] };
    expect(checkGraph(graph)).toContainEqual({ nodeId: null, code: "NO_START" });
  });

  it("refuses a question without answers and an outcome that does nothing", () => {
    const graph: ScriptGraph = { start: "q1", nodes: [ask("q1", "q2", "esc"), ask("q2"),
      { id: "esc", type: "outcome", title: "N2", outcome: { kind: "escalate" } }] };
    expect(checkGraph(graph)).toEqual([{ nodeId: "q2", code: "NO_ANSWERS" }, { nodeId: "esc", code: "OUTCOME_INCOMPLETE" }]);
  });

  it("names a duplicated node id", () => {
    const graph: ScriptGraph = { start: "q1", nodes: [ask("q1", "done"), solve("done"), solve("done")] };
    expect(checkGraph(graph)).toContainEqual({ nodeId: "done", code: "DUPLICATE_ID" });
  });
});
