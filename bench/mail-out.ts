/**
 * Outgoing mail: what mail costs ticket creation, and how many mails per second reach a real SMTP
 * server (Debian's aiosmtpd, writing a Maildir). Not a test: DESIGN.md keeps timings out of tests.
 * Run: npx tsx bench/mail-out.ts            (SQLite)
 *      VIGIE_TEST_PG_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/mail-out.ts postgres
 */
import pino from "pino";
import { createTestApp, makeEntity, signedInUser } from "../test/app.js";
import type { DialectName } from "../src/server/db/database.js";
import { startWorker } from "../src/server/jobs/worker.js";
import { MAIL_OUT_JOBS } from "../src/server/features/mail/outbound/mail-out.jobs.js";
import { closeTransport } from "../src/server/features/mail/outbound/smtp-settings.js";
import { startSink } from "../src/server/features/mail/outbound/testing/smtp-sink.js";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 500);
const dialect = (process.argv[2] ?? "sqlite") as DialectName;

const sink = await startSink();
const t = await createTestApp(dialect);
const lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
const tech = await signedInUser(t, { entityId: lyon, role: "technician" });
const requester = await signedInUser(t, { entityId: lyon, role: "requester" });

const CONCURRENCY = 16;

/** Tickets per second, CONCURRENCY requests in flight (in-process inject: no HTTP parsing, no network). */
async function createTickets(count: number): Promise<number> {
  const started = performance.now();
  let next = 0;
  const one = async () => {
    while (next < count) {
      const i = next++;
      const res = await t.app.inject({ method: "POST", url: "/api/tickets", headers: { cookie: tech.cookie },
        payload: { title: `Poste ${i} en panne`, description: "<p>Écran noir</p>", channel: "phone", entityId: lyon, requesterId: requester.user.id } });
      if (res.statusCode !== 201) throw new Error(res.body);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, one));
  return count / ((performance.now() - started) / 1000);
}

const line = (label: string, value: string) => console.log(`${label.padEnd(58)} ${value}`);
await createTickets(100); // warm-up
line(`[${dialect}] tickets/s through the API, mail off`, (await createTickets(TICKETS)).toFixed(0));
await t.app.inject({ method: "PUT", url: "/api/mail/smtp", headers: { cookie: t.adminCookie },
  payload: { host: "127.0.0.1", port: sink.port, security: "none", fromAddress: "support@vigie.example", appUrl: "https://vigie.example" } });
line(`[${dialect}] tickets/s through the API, mail on (one job row each)`, (await createTickets(TICKETS)).toFixed(0));

const worker = startWorker({ db: t.db, log: pino({ level: "silent" }), jobs: MAIL_OUT_JOBS, pollMs: 3_600_000 });
const started = performance.now();
// Two drains at once, like two workers: the render jobs and the send jobs share the queue.
await Promise.all([worker.drain(), worker.drain()]);
const mails = await sink.waitFor(TICKETS, 120_000);
const seconds = (performance.now() - started) / 1000;
line(`[${dialect}] mails rendered and delivered to the sink`, `${mails.length} in ${seconds.toFixed(1)} s`);
line(`[${dialect}] mails/s (render + SMTP + Maildir)`, (mails.length / seconds).toFixed(0));

await worker.stop();
closeTransport();
await sink.stop();
await t.close();
