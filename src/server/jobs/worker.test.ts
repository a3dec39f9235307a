import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openPostgres } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";
import { DIALECTS, createPgDatabaseUrl, createTestDatabase } from "../../../test/db.js";
import { defineJob, enqueue } from "./queue.js";
import { startWorker } from "./worker.js";

const log = pino({ level: "silent" });

describe.each(DIALECTS)("job worker on %s", (dialect) => {
  it("runs a job enqueued in a committed transaction, and not one rolled back", async () => {
    const { db, close } = await createTestDatabase(dialect);
    const ran: number[] = [];
    const job = defineJob({ name: "test.record", payload: z.object({ n: z.number() }), handler: async ({ n }) => { ran.push(n); } });
    await db.transaction().execute((trx) => enqueue(trx, job, { n: 1 }));
    await db.transaction().execute(async (trx) => {
      await enqueue(trx, job, { n: 2 });
      throw new Error("business failure");
    }).catch(() => undefined);
    const worker = startWorker({ db, log, jobs: [job], pollMs: 20 });
    await worker.stop();
    expect(await worker.drain()).toBe(0);
    expect(ran).toEqual([1]);
    const row = await db.selectFrom("job").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "done", attempts: 1 });
    await close();
  });

  it("retries a failing job later, then gives up after its attempts", async () => {
    const { db, close } = await createTestDatabase(dialect);
    const job = defineJob({ name: "test.fail", payload: z.object({}), maxAttempts: 2, handler: async () => { throw new Error("boom"); } });
    await enqueue(db, job, {});
    const worker = startWorker({ db, log, jobs: [job], pollMs: 10_000 });
    await worker.stop();
    let row = await db.selectFrom("job").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "queued", attempts: 1, last_error: "Error: boom" });
    expect(row.run_at > new Date().toISOString()).toBe(true);
    await db.updateTable("job").set({ run_at: new Date(0).toISOString() }).execute();
    await worker.drain();
    row = await db.selectFrom("job").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", attempts: 2 });
    await close();
  });

  it("enqueues a scheduled job once per period, however many workers tick", async () => {
    const { db, close } = await createTestDatabase(dialect);
    const job = defineJob({ name: "test.cron", payload: z.object({}), handler: async () => undefined });
    const workers = [1, 2, 3].map(() => startWorker({ db, log, jobs: [job], cron: [{ job, everyMinutes: 60 }], pollMs: 10_000 }));
    await Promise.all(workers.map((w) => w.stop()));
    const rows = await db.selectFrom("job").select("name").execute();
    expect(rows).toEqual([{ name: "test.cron" }]);
    await close();
  });
});

describe.runIf(DIALECTS.includes("postgres"))("two workers sharing PostgreSQL", () => {
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => { await drop?.(); });

  it("never run the same job twice", async () => {
    const pgDb = await createPgDatabaseUrl();
    drop = pgDb.drop;
    // Two pools: two instances of Vigie, each with its own connections.
    const a = openPostgres(pgDb.url, 4);
    const b = openPostgres(pgDb.url, 4);
    await migrateToLatest(a.db);
    const runs = new Map<number, string[]>();
    const job = defineJob({
      name: "test.count", payload: z.object({ n: z.number() }),
      handler: async ({ n }, ctx) => {
        await new Promise((r) => setTimeout(r, 1));
        runs.set(n, [...(runs.get(n) ?? []), String(ctx.jobId)]);
      },
    });
    const COUNT = 300;
    await a.db.transaction().execute(async (trx) => {
      for (let n = 0; n < COUNT; n++) await enqueue(trx, job, { n });
    });
    const workers = [
      startWorker({ db: a.db, log, jobs: [job], pollMs: 5, workerId: "A1" }),
      startWorker({ db: a.db, log, jobs: [job], pollMs: 5, workerId: "A2" }),
      startWorker({ db: b.db, log, jobs: [job], pollMs: 5, workerId: "B1" }),
      startWorker({ db: b.db, log, jobs: [job], pollMs: 5, workerId: "B2" }),
    ];
    const deadline = Date.now() + 20_000;
    while (runs.size < COUNT && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await Promise.all(workers.map((w) => w.stop()));
    expect(runs.size).toBe(COUNT);
    expect([...runs.values()].filter((r) => r.length > 1)).toEqual([]);
    const done = await a.db.selectFrom("job").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "done").executeTakeFirstOrThrow();
    expect(Number(done.n)).toBe(COUNT);
    await a.close();
    await b.close();
  });
});
