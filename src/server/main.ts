import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { VIGIE_VERSION } from "../shared/domain/version.js";
import { buildApp } from "./app.js";
import { type Database, openDatabase } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import type { Env } from "./env.js";
import { ensureAdminFromEnv } from "./features/identity/auth.service.js";
import { startMailReceiver } from "./features/mail/inbound/smtp-receiver.js";
import { CRON, JOBS } from "./jobs/registry.js";
import { configureSecretBox } from "./security/secret-box.js";
import { type Worker, startWorker } from "./jobs/worker.js";

/** The receiver's certificate, read at boot: a missing file stops the start with its path. */
function receiverTls(env: Env): { key: Buffer; cert: Buffer } | undefined {
  if (!env.VIGIE_MAIL_RECEIVER_TLS_CERT || !env.VIGIE_MAIL_RECEIVER_TLS_KEY) return undefined;
  return { cert: fs.readFileSync(env.VIGIE_MAIL_RECEIVER_TLS_CERT), key: fs.readFileSync(env.VIGIE_MAIL_RECEIVER_TLS_KEY) };
}

/**
 * The built web app: dist/web next to the compiled server, or the build output when running
 * from source. A built app has assets/ beside index.html, unlike the source folder src/web.
 */
export function findWebDir(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // VIGIE_WEB_DIR: a build of its own, so parallel end-to-end runs in one checkout do not rebuild each other's.
  const candidates = [process.env.VIGIE_WEB_DIR, path.resolve(here, "../web"), path.resolve(here, "../../dist/web")];
  return candidates.find((dir): dir is string => dir !== undefined && fs.existsSync(path.join(dir, "index.html")) && fs.existsSync(path.join(dir, "assets")));
}

export async function openAndMigrate(env: Env): Promise<Database> {
  const database = openDatabase({ url: env.VIGIE_DATABASE_URL, sqlitePath: env.sqlitePath });
  await migrateToLatest(database.db);
  fs.mkdirSync(env.filesDir, { recursive: true });
  return database;
}

export type Running = { app: FastifyInstance; database: Database; worker?: Worker; url: string; close: () => Promise<void> };

/** The composition root: env → db → migrate → buildApp → listen, then the job worker. */
export async function startServer(env: Env): Promise<Running> {
  configureSecretBox({ key: env.VIGIE_SECRET_KEY, dataDir: env.dataDir });
  const database = await openAndMigrate(env);
  const app = await buildApp({
    db: database.db,
    config: { sessionHours: env.VIGIE_SESSION_HOURS, secureCookies: env.VIGIE_SECURE_COOKIES,
      timeZone: env.VIGIE_TIME_ZONE, version: VIGIE_VERSION, filesDir: env.filesDir, maxUploadBytes: env.VIGIE_MAX_UPLOAD_MB * 1024 * 1024 },
    logger: { level: env.LOG_LEVEL },
    webDir: findWebDir(),
    trustProxy: env.VIGIE_TRUST_PROXY,
    liveUrl: env.VIGIE_DATABASE_URL,
  });
  if (env.VIGIE_ADMIN_LOGIN && env.VIGIE_ADMIN_PASSWORD) {
    if (await ensureAdminFromEnv(database.db, env.VIGIE_ADMIN_LOGIN, env.VIGIE_ADMIN_PASSWORD)) {
      app.log.info({ login: env.VIGIE_ADMIN_LOGIN }, "first administrator created from the environment");
    }
  }
  await app.listen({ port: env.PORT, host: env.HOST });
  const worker = env.VIGIE_WORKER ? startWorker({ db: database.db, log: app.log, jobs: JOBS, cron: CRON }) : undefined;
  const mailReceiver = env.VIGIE_MAIL_RECEIVER_PORT === undefined ? undefined : await startMailReceiver(
    { db: database.db, filesDir: env.filesDir, log: app.log }, { port: env.VIGIE_MAIL_RECEIVER_PORT, host: env.HOST, lmtp: env.VIGIE_MAIL_RECEIVER_LMTP, tls: receiverTls(env) });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const close = async () => {
    await worker?.stop();
    await mailReceiver?.close();
    await app.close();
    await database.close();
  };
  return { app, database, worker, url: `http://localhost:${port}`, close };
}
