import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import { claimNextJob } from "../db/dialect.js";
import type { DB, JobRow } from "../db/schema.js";
import { now } from "../db/values.js";
import { type JobDefinition, enqueue } from "./queue.js";

/** A job that runs on a schedule: every `everyMinutes`, at most once per period across all instances. */
export type CronEntry = { job: JobDefinition; everyMinutes: number; payload?: unknown };

export type WorkerOptions = {
  db: Kysely<DB>;
  log: FastifyBaseLogger;
  jobs: JobDefinition[];
  cron?: CronEntry[];
  pollMs?: number;
  /** A job running longer than this is presumed dead (its instance crashed) and queued again. */
  staleAfterMs?: number;
  workerId?: string;
};

export type Worker = { id: string; stop: () => Promise<void>; drain: () => Promise<number> };

function backoffMs(attempt: number): number {
  return Math.min(60_000 * 2 ** (attempt - 1), 3_600_000);
}

async function runOne(opts: WorkerOptions, id: string, registry: Map<string, JobDefinition>, job: JobRow): Promise<void> {
  const def = registry.get(job.name);
  const log = opts.log.child({ job: job.name, jobId: job.id });
  try {
    if (!def) throw new Error(`no handler for job ${job.name}`);
    await def.handler(def.payload.parse(JSON.parse(job.payload)), { db: opts.db, log, jobId: job.id, attempt: job.attempts });
    await opts.db.updateTable("job").set({ status: "done", finished_at: now(), locked_by: null })
      .where("id", "=", job.id).where("locked_by", "=", id).execute();
  } catch (err) {
    const failed = job.attempts >= job.max_attempts;
    log.warn({ err, attempt: job.attempts }, failed ? "job failed for good" : "job failed, will retry");
    await opts.db.updateTable("job").set({
      status: failed ? "failed" : "queued", last_error: String(err).slice(0, 2000), locked_by: null,
      run_at: new Date(Date.now() + backoffMs(job.attempts)).toISOString(), finished_at: failed ? now() : null,
    }).where("id", "=", job.id).where("locked_by", "=", id).execute();
  }
}

async function scheduleCron(opts: WorkerOptions): Promise<void> {
  for (const entry of opts.cron ?? []) {
    const period = Math.floor(Date.now() / (entry.everyMinutes * 60_000));
    // The period number makes the key deterministic: every instance computes the same one.
    await enqueue(opts.db, entry.job, entry.payload ?? {}, { dedupeKey: `${entry.job.name}:${period}` });
  }
}

async function requeueStale(opts: WorkerOptions): Promise<void> {
  const before = new Date(Date.now() - (opts.staleAfterMs ?? 15 * 60_000)).toISOString();
  await opts.db.updateTable("job").set({ status: "queued", locked_by: null })
    .where("status", "=", "running").where("locked_at", "<", before).execute();
}

/** Polls the job table; several workers (in several instances) may share it safely. */
export function startWorker(opts: WorkerOptions): Worker {
  const id = opts.workerId ?? randomUUID();
  const registry = new Map(opts.jobs.map((j) => [j.name, j]));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();

  const drain = async (): Promise<number> => {
    let count = 0;
    for (;;) {
      const job = await claimNextJob(opts.db, id, now());
      if (!job) return count;
      await runOne(opts, id, registry, job);
      count++;
    }
  };
  const tick = async () => {
    try {
      await scheduleCron(opts);
      await requeueStale(opts);
      await drain();
    } catch (err) {
      opts.log.error({ err }, "job worker tick failed");
    }
  };
  const loop = () => {
    if (stopped) return;
    current = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, opts.pollMs ?? 1000);
    });
  };
  loop();
  return {
    id,
    drain,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
