import { z } from "zod";
import { defineJob, type JobDefinition } from "../../../jobs/queue.js";
import type { CronEntry } from "../../../jobs/worker.js";
import { collectAllMailboxes, retryFailedMails } from "./imap-collector.js";
import type { MailInDeps } from "./mail-ingest.js";

/** The jobs have no request config: the file store is the one the server was started with. */
async function depsOf(ctx: { db: MailInDeps["db"]; log: MailInDeps["log"] }): Promise<MailInDeps> {
  const { parseEnv } = await import("../../../env.js");
  return { db: ctx.db, log: ctx.log, filesDir: parseEnv().filesDir };
}

/** Every minute: each enabled IMAP mailbox is collected (a lease keeps it to one collector at a time). */
export const mailCollectJob = defineJob({
  name: "mail-in.collect", payload: z.object({}).passthrough(), maxAttempts: 1,
  handler: async (_payload, ctx) => {
    const collected = await collectAllMailboxes(await depsOf(ctx));
    if (collected > 0) ctx.log.info({ collected }, "mails collected");
  },
});

/** Every minute: failed mails whose retry time has come are filed again from their kept original. */
export const mailRetryJob = defineJob({
  name: "mail-in.retry", payload: z.object({}).passthrough(), maxAttempts: 1,
  handler: async (_payload, ctx) => {
    await retryFailedMails(await depsOf(ctx));
  },
});

export const MAIL_IN_JOBS: JobDefinition[] = [mailCollectJob as JobDefinition, mailRetryJob as JobDefinition];
export const MAIL_IN_CRON: CronEntry[] = [
  { job: mailCollectJob as JobDefinition, everyMinutes: 1 },
  { job: mailRetryJob as JobDefinition, everyMinutes: 1 },
];
