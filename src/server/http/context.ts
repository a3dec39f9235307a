import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { Actor } from "../features/identity/access.js";

export type AppConfig = {
  sessionHours: number;
  secureCookies: boolean;
  timeZone: string;
  version: string;
  /** The attachments' store, shared by every instance; without it uploads and downloads answer 503. */
  filesDir?: string;
  /** The size limit of one attached file (default 20 MB). */
  maxUploadBytes?: number;
};

/** What a service needs from the request: the database, who acts, and where to log. */
export type Ctx = {
  db: Kysely<DB>;
  actor: Actor;
  log: FastifyBaseLogger;
  config: AppConfig;
};

/** Before sign-in there is no actor yet. */
export type PublicCtx = Omit<Ctx, "actor"> & { actor: Actor | undefined; ip: string; userAgent: string | undefined };
