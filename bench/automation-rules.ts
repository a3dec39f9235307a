/**
 * What automation rules cost ticket creation: `npx tsx bench/automation-rules.ts`. Creates
 * tickets through the service (no HTTP), one at a time and 8 at once, on SQLite (and on
 * PostgreSQL when VIGIE_TEST_PG_URL is set) with no rules, with 50 active rules none of which
 * matches, and with those plus one that matches every ticket (a group and a priority set).
 */
import { createTestApp, makeEntity, signedInUser } from "../test/app.js";
import type { DialectName } from "../src/server/db/database.js";
import type { Ctx } from "../src/server/http/context.js";
import { createTicket } from "../src/server/features/tickets/ticket.service.js";
import { forgetRules } from "../src/server/features/automation/rule-cache.js";

const SECONDS = Number(process.env.VIGIE_BENCH_SECONDS ?? 4);

async function rate(create: () => Promise<unknown>, concurrency: number): Promise<number> {
  let n = 0;
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) { await create(); n++; }
  }));
  return n / SECONDS;
}

async function run(dialect: DialectName): Promise<void> {
  const t = await createTestApp(dialect);
  const lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
  const tech = await signedInUser(t, { entityId: lyon, role: "technician" });
  const requester = await signedInUser(t, { entityId: lyon, role: "requester" });
  const group = (await t.app.inject({ method: "POST", url: "/api/groups", headers: { cookie: t.adminCookie }, payload: { name: "Hotline", entityId: lyon } })).json().id;
  const actor = { kind: "session" as const, userId: tech.user.id, name: "Marc Blanc", grants: [{ entityId: lyon, role: "technician" as const, recursive: true }] };
  const ctx = { db: t.db, actor, log: t.app.log, config: { sessionHours: 1, secureCookies: false, timeZone: "Europe/Paris", version: "" } } as Ctx;
  const create = () => createTicket(ctx, { title: "Souris qui ne répond plus", requesterId: requester.user.id, channel: "phone" });
  const addRule = (payload: object) => t.app.inject({ method: "POST", url: "/api/automation/rules", headers: { cookie: t.adminCookie },
    payload: { entityId: lyon, trigger: "both", isActive: true, ...payload } });
  const report = async (label: string) => console.log(`${dialect}\t${label}\t1 at a time: ${(await rate(create, 1)).toFixed(0)}/s\t8 at once: ${(await rate(create, 8)).toFixed(0)}/s`);

  await rate(create, 4); // warm-up: the JIT and the caches, not measured
  await report("no rules");
  for (let i = 0; i < 50; i++) {
    await addRule({ name: `Règle ${i}`, conditions: [{ field: "title", op: "contains", words: [`mot${i}`] }, { field: "channel", op: "in", values: ["email"] }],
      actions: [{ type: "setPriority", value: 5 }] });
  }
  await report("50 rules, none matches");
  await addRule({ name: "Tout à la hotline", conditions: [{ field: "channel", op: "in", values: ["phone"] }], actions: [{ type: "assignGroup", groupId: group }, { type: "setPriority", value: 4 }] });
  await report("50 rules + 1 matching");
  // Again without rules: the tables have grown meanwhile, which slows every insert as much as any rule.
  await t.db.updateTable("automation_rule").set({ is_active: 0 }).execute();
  await t.db.updateTable("setting").set({ value: "bench-off" }).where("key", "=", "automation.rules_version").execute();
  forgetRules(t.db);
  await report("no active rule (again, after the rows above)");
  await t.close();
}

for (const dialect of (process.env.VIGIE_TEST_PG_URL ? ["sqlite", "postgres"] : ["sqlite"]) as DialectName[]) await run(dialect);
