import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../../test/app.js";
import { DIALECTS } from "../../../../../test/db.js";
import type { Outcome } from "../../../../shared/api/kb-scripts.js";
import { insertArticle, twoWayGraph } from "./script.test-support.js";

describe.each(DIALECTS)("guided diagnostic scripts on %s", (dialect) => {
  let t: TestApp;
  let site: number;
  let other: number;
  let supervisor: string;
  let tech: string;
  let outsider: string;
  let requester: string;
  let network: number;

  const call = async (cookie: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const newScript = async (outcome: Outcome, extra: object = {}) => {
    const res = await call(supervisor, "POST", "/api/kb/scripts", { entityId: site, name: "Imprimante bloquée", graph: twoWayGraph(outcome), ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  const newTicket = async () => (await call(t.adminCookie, "POST", "/api/tickets", { title: "Imprimante bloquée au 2e", entityId: site })).json().id as number;
  const runTo = async (cookie: string, scriptId: number, answers: number[], ticketId?: number) => {
    let run = (await call(cookie, "POST", "/api/kb/script-runs", { scriptId, ticketId })).json();
    for (const answer of answers) run = (await call(cookie, "POST", `/api/kb/script-runs/${run.id}/answer`, { answer })).json();
    return run;
  };
  const followups = async (ticketId: number) => (await call(t.adminCookie, "GET", `/api/tickets/${ticketId}/followups`)).json().data as { kind: string; content: string }[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    site = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    other = (await makeEntity(t.db, t.rootId, "Nantes")).id;
    supervisor = (await signedInUser(t, { entityId: site, role: "supervisor" })).cookie;
    tech = (await signedInUser(t, { entityId: site, role: "technician" })).cookie;
    outsider = (await signedInUser(t, { entityId: other, role: "technician" })).cookie;
    requester = (await signedInUser(t, { entityId: site, role: "requester" })).cookie;
    network = (await call(t.adminCookie, "POST", "/api/groups", { name: "Support N2 Réseau", entityId: site, recursive: true })).json().id;
  });
  afterAll(async () => { await t.close(); });

  it("refuses a graph with a dangling answer, naming the node and the answer", async () => {
    const graph = twoWayGraph({ kind: "solve", text: "ok" });
    graph.nodes[1] = { id: "queue", type: "question", text: "Bloqué ?", answers: [{ label: "Oui", next: "nowhere" }, { label: "Non", next: "end" }] };
    const res = await call(supervisor, "POST", "/api/kb/scripts", { entityId: site, name: "Cassé", graph });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: "SCRIPT_GRAPH_INVALID", issues: [{ path: "graph.node.queue.answers.0", code: "DANGLING_ANSWER" }] });
  });

  it("refuses an outcome naming a group the script's entity cannot see", async () => {
    const hidden = (await call(t.adminCookie, "POST", "/api/groups", { name: "Équipe Nantes", entityId: other, recursive: false })).json().id;
    const res = await call(t.adminCookie, "POST", "/api/kb/scripts", { entityId: site, name: "Mauvais groupe",
      graph: twoWayGraph({ kind: "escalate", groupId: hidden, text: "note" }) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.issues).toEqual([expect.objectContaining({ path: "graph.node.end", code: "GROUP_UNKNOWN" })]);
  });

  it("lets a technician run scripts but not edit them", async () => {
    const res = await call(tech, "POST", "/api/kb/scripts", { entityId: site, name: "Le mien", graph: twoWayGraph({ kind: "solve", text: "x" }) });
    expect(res.statusCode).toBe(403);
  });

  it("keeps a run on the version it started on when the script is edited", async () => {
    const scriptId = await newScript({ kind: "solve", text: "Vider la file." });
    const run = await runTo(tech, scriptId, [0]);
    const edited = await call(supervisor, "PUT", `/api/kb/scripts/${scriptId}`, { entityId: site, name: "Imprimante bloquée",
      graph: twoWayGraph({ kind: "solve", text: "Vider la file." }, "Le voyant est-il vert ?") });
    expect(edited.json().version).toBe(2);
    const again = (await call(tech, "GET", `/api/kb/script-runs/${run.id}`)).json();
    expect(again.version).toBe(1);
    expect(again.path[0].question).toBe("L'imprimante est-elle allumée ?");
    const fresh = await runTo(tech, scriptId, []);
    expect(fresh.current.text).toBe("Le voyant est-il vert ?");
    const versions = (await call(supervisor, "GET", `/api/kb/scripts/${scriptId}/versions`)).json().data;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it("applies an article outcome to the ticket and writes every question and answer to its timeline", async () => {
    const articleId = await insertArticle(t.db, { entityId: site, title: "Débloquer la file d'impression" });
    const scriptId = await newScript({ kind: "article", articleId });
    const ticketId = await newTicket();
    let run = await runTo(tech, scriptId, [0, 1], ticketId);
    expect(run.current.id).toBe("power");
    run = (await call(tech, "POST", `/api/kb/script-runs/${run.id}/back`)).json();
    run = (await call(tech, "POST", `/api/kb/script-runs/${run.id}/answer`, { answer: 0 })).json();
    expect(run).toMatchObject({ state: "finished", result: "solved", articleTitle: "Débloquer la file d'impression" });
    const applied = await call(tech, "POST", `/api/kb/script-runs/${run.id}/apply`, {});
    expect(applied.json().state).toBe("applied");
    const notes = await followups(ticketId);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.content).toContain("L'imprimante est-elle allumée ? — <strong>Oui</strong>");
    expect(notes[0]?.content).toContain("Des documents bloqués ? — <strong>Oui</strong>");
    expect(notes[0]?.content).toContain(`href="/kb/articles/${articleId}"`);
  });

  it("escalates to the outcome's group at level 2, with its note", async () => {
    const scriptId = await newScript({ kind: "escalate", groupId: network, text: "Vérifier le commutateur" });
    const ticketId = await newTicket();
    const run = await runTo(tech, scriptId, [0, 0], ticketId);
    expect((await call(tech, "POST", `/api/kb/script-runs/${run.id}/apply`, {})).statusCode).toBe(200);
    const ticket = (await call(t.adminCookie, "GET", `/api/tickets/${ticketId}`)).json();
    expect(ticket).toMatchObject({ groupId: network, level: 2, status: "assigned" });
    expect((await followups(ticketId)).map((f) => f.kind)).toEqual(["followup", "escalation"]);
  });

  it("files the ticket under the outcome's category, priority and group", async () => {
    const category = (await call(t.adminCookie, "POST", "/api/categories", { name: "Impression", entityId: site })).json().id;
    const scriptId = await newScript({ kind: "fields", categoryId: category, priority: 4, groupId: network });
    const ticketId = await newTicket();
    const run = await runTo(tech, scriptId, [0, 0], ticketId);
    expect((await call(tech, "POST", `/api/kb/script-runs/${run.id}/apply`, {})).statusCode).toBe(200);
    const ticket = (await call(t.adminCookie, "GET", `/api/tickets/${ticketId}`)).json();
    expect(ticket).toMatchObject({ categoryId: category, priority: 4, groupId: network, status: "assigned" });
  });

  it("applies nothing when the outcome is refused: no note without the change", async () => {
    const scriptId = await newScript({ kind: "solve", text: "Redémarrer le spouleur." });
    const ticketId = await newTicket();
    const run = await runTo(tech, scriptId, [0, 0], ticketId);
    const ticket = (await call(t.adminCookie, "GET", `/api/tickets/${ticketId}`)).json();
    await call(t.adminCookie, "POST", `/api/tickets/${ticketId}/status`, { version: ticket.version, status: "closed" });
    const res = await call(tech, "POST", `/api/kb/script-runs/${run.id}/apply`, {});
    expect(res.statusCode).toBe(409);
    expect((await followups(ticketId)).filter((f) => f.content.includes("Diagnostic guidé"))).toEqual([]);
    expect((await call(tech, "GET", `/api/kb/script-runs/${run.id}`)).json().state).toBe("finished");
  });

  it("solves the ticket with the prepared solution, after the path", async () => {
    const scriptId = await newScript({ kind: "solve", text: "Redémarrer le spouleur." });
    const ticketId = await newTicket();
    const run = await runTo(tech, scriptId, [0, 0], ticketId);
    await call(tech, "POST", `/api/kb/script-runs/${run.id}/apply`, {});
    expect((await call(t.adminCookie, "GET", `/api/tickets/${ticketId}`)).json().status).toBe("solved");
    expect((await followups(ticketId)).map((f) => f.kind)).toEqual(["followup", "solution"]);
  });

  it("does not let a technician of another entity run a script on their tickets or see it", async () => {
    const scriptId = await newScript({ kind: "solve", text: "x" });
    const ticketId = await newTicket();
    expect((await call(outsider, "POST", "/api/kb/script-runs", { scriptId, ticketId })).statusCode).toBe(404);
    expect((await call(outsider, "GET", `/api/kb/scripts/${scriptId}`)).statusCode).toBe(404);
    const run = await runTo(tech, scriptId, [], ticketId);
    expect((await call(outsider, "POST", `/api/kb/script-runs/${run.id}/answer`, { answer: 0 })).statusCode).toBe(404);
  });

  it("counts a portal run that ended the problem as solved, and shows where runs end", async () => {
    const scriptId = await newScript({ kind: "escalate", groupId: network, text: "N2" }, { name: "Wi-Fi", forPortal: true });
    const listed = (await call(requester, "GET", "/api/kb/scripts")).json().data.map((s: { id: number }) => s.id);
    expect(listed).toEqual([scriptId]);
    expect((await call(requester, "POST", "/api/kb/script-runs", { scriptId, ticketId: await newTicket() })).statusCode).toBe(403);
    const solved = await runTo(requester, scriptId, [1]);
    expect((await call(requester, "POST", `/api/kb/script-runs/${solved.id}/finish`, { solved: true })).json().result).toBe("solved");
    const notSolved = await runTo(requester, scriptId, [0, 0]);
    expect(notSolved.result).toBe("escalated");
    expect((await call(requester, "POST", `/api/kb/script-runs/${notSolved.id}/apply`, {})).statusCode).toBe(403);
    await runTo(requester, scriptId, [0]);
    const stats = (await call(supervisor, "GET", `/api/kb/scripts/${scriptId}/stats`)).json();
    expect(stats).toMatchObject({ runs: 3, finished: 2, solved: 1, escalated: 1, solvedShare: 0.5 });
    expect(stats.endings).toEqual(expect.arrayContaining([{ nodeId: "power", title: "Allumer", runs: 1 }, { nodeId: "end", title: "Résultat", runs: 1 }]));
    expect((await call(requester, "GET", `/api/kb/scripts/${scriptId}/stats`)).statusCode).toBe(403);
  });

  it("loads the starter library once, in French and English, for the whole organisation", async () => {
    expect((await call(supervisor, "POST", "/api/kb/scripts/starter")).statusCode).toBe(403);
    const first = (await call(t.adminCookie, "POST", "/api/kb/scripts/starter")).json();
    expect(first).toEqual({ created: 18, skipped: 0 });
    expect((await call(t.adminCookie, "POST", "/api/kb/scripts/starter")).json()).toEqual({ created: 0, skipped: 18 });
    const found = (await call(tech, "GET", "/api/kb/scripts?q=N%27IMPRIME")).json().data.map((s: { name: string }) => s.name);
    expect(found).toEqual(["Imprimante bloquée ou n'imprime pas"]);
    const english = (await call(tech, "GET", "/api/kb/scripts?language=en&limit=50")).json().data.map((s: { name: string }) => s.name);
    expect(english).toContain("Printer blocked or not printing");
    expect(english).toHaveLength(9);
  });
});
