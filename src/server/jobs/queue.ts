import type { z } from "zod";
import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { Db } from "../db/database.js";
import type { DB } from "../db/schema.js";
import { now } from "../db/values.js";

export type JobContext = { db: Kysely<DB>; log: FastifyBaseLogger; jobId: number; attempt: number };

/** A kind of background work. Handlers must be idempotent: a crash after the work may run it again. */
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  payload: S;
  maxAttempts?: number;
  handler: (payload: z.output<S>, ctx: JobContext) => Promise<void>;
};

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

type EnqueueOptions = { runAt?: Date; dedupeKey?: string };

/**
 * Queues a job in the caller's transaction, so the job exists exactly when the business
 * change commits. With a dedupeKey, a second enqueue of the same key is ignored.
 */
export async function enqueue<S extends z.ZodType>(
  db: Db,
  job: JobDefinition<S>,
  payload: z.input<S>,
  options: EnqueueOptions = {},
): Promise<void> {
  const parsed = job.payload.parse(payload);
  await db
    .insertInto("job")
    .values({
      name: job.name, payload: JSON.stringify(parsed), status: "queued",
      run_at: (options.runAt ?? new Date()).toISOString(), attempts: 0, max_attempts: job.maxAttempts ?? 5,
      dedupe_key: options.dedupeKey ?? null, locked_by: null, locked_at: null, last_error: null,
      created_at: now(), finished_at: null,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .execute();
}
