/**
 * The live bus: what changed, told to every instance's open streams. On PostgreSQL it goes
 * through the database (NOTIFY on one channel, one LISTENing client per process), so any number
 * of instances behind a load balancer see each other's changes. On SQLite there is one process,
 * so an in-process emitter is enough.
 */
import { EventEmitter } from "node:events";
import type { FastifyBaseLogger } from "fastify";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import type { PresentUser } from "../../../shared/api/live.js";
import type { Db } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type LiveEvent =
  /** A ticket changed; who may hear of it depends on its entity and requester. */
  | { type: "ticket"; id: number; entityId: number; requesterId: number | null }
  /** Someone opened or left a ticket: the staff of its entity may hear of it. */
  | { type: "presence"; ticketId: number; entityId: number; present: PresentUser[]; at: string }
  /** One user's notifications changed. */
  | { type: "notification"; userId: number }
  /** A group got a notification: its members hear of it. */
  | { type: "notification"; groupId: number }
  /** This process may have missed events (its listener reconnected): streams tell browsers to refetch. */
  | { type: "resync" };

export type LiveListener = (event: LiveEvent) => void;

export type LiveBus = {
  /**
   * Publishes to every instance. Through a transaction (`via`), a bus whose `atCommit` is true
   * delivers at commit and drops the events on rollback; the in-process bus delivers at once.
   */
  publish: (events: LiveEvent[], via?: Db) => Promise<void>;
  readonly atCommit: boolean;
  /** Returns the function that unsubscribes. */
  subscribe: (listener: LiveListener) => () => void;
  close: () => Promise<void>;
};

export const LIVE_CHANNEL = "vigie_live";

/** Subscribers of one process; a failing listener never stops the others. */
function localDispatcher(log?: FastifyBaseLogger) {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emit: (event: LiveEvent) => emitter.emit("event", event),
    subscribe: (listener: LiveListener) => {
      const safe = (event: LiveEvent) => {
        try {
          listener(event);
        } catch (err) {
          log?.warn({ err }, "live listener failed");
        }
      };
      emitter.on("event", safe);
      return () => void emitter.off("event", safe);
    },
    clear: () => void emitter.removeAllListeners(),
  };
}

/** SQLite: one process, so publishing is emitting. */
export function createMemoryBus(log?: FastifyBaseLogger): LiveBus {
  const local = localDispatcher(log);
  return {
    atCommit: false,
    publish: async (events) => {
      for (const event of events) local.emit(event);
    },
    subscribe: local.subscribe,
    close: async () => local.clear(),
  };
}

function parseEvent(payload: string | undefined): LiveEvent | undefined {
  try {
    return payload ? (JSON.parse(payload) as LiveEvent) : undefined;
  } catch {
    return undefined;
  }
}

const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 10_000;

/**
 * PostgreSQL: NOTIFY through the app's pool (inside the caller's transaction when given one,
 * so it is delivered at commit), and one dedicated client of this process LISTENing. When that
 * client drops, it reconnects with a growing delay and then sends "resync" to local subscribers.
 */
export async function createPgBus(opts: { db: Kysely<DB>; url: string; log: FastifyBaseLogger }): Promise<LiveBus> {
  const local = localDispatcher(opts.log);
  let client: pg.Client | undefined;
  let closed = false;
  let retryMs = RETRY_FIRST_MS;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: opts.url });
    next.on("notification", (msg) => {
      const event = msg.channel === LIVE_CHANNEL ? parseEvent(msg.payload) : undefined;
      if (event) local.emit(event);
    });
    next.on("error", (err) => lost(next, err));
    next.on("end", () => lost(next));
    await next.connect();
    await next.query(`LISTEN ${LIVE_CHANNEL}`);
    if (closed) return void (await next.end());
    client = next;
    retryMs = RETRY_FIRST_MS;
  };

  const reconnect = () => {
    retryTimer = setTimeout(() => {
      connect().then(() => local.emit({ type: "resync" }), (err: unknown) => {
        opts.log.warn({ err, retryMs }, "live listener cannot reconnect yet");
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        if (!closed) reconnect();
      });
    }, retryMs);
  };

  function lost(which: pg.Client, err?: Error) {
    if (client !== which) return;
    client = undefined;
    which.end().catch(() => undefined);
    if (closed) return;
    opts.log.warn({ err }, "live listener lost its connection; reconnecting");
    reconnect();
  }

  await connect();
  return {
    atCommit: true,
    publish: async (events, via = opts.db) => {
      if (events.length === 0) return;
      const payloads = events.map((e) => JSON.stringify(e));
      await sql`select pg_notify(${LIVE_CHANNEL}, p) from unnest(cast(${payloads} as text[])) as p`.execute(via);
    },
    subscribe: local.subscribe,
    close: async () => {
      closed = true;
      clearTimeout(retryTimer);
      local.clear();
      const last = client;
      client = undefined;
      await last?.end();
    },
  };
}
