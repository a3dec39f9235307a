/**
 * Where the rest of the app meets the live bus. The bus is found from the database handle, so a
 * service deep in a transaction, a route and a background job all reach the same one without
 * passing it around: a Kysely instance and its transactions share one dialect adapter object.
 */
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import { dbKey } from "../../db/db-key.js";
import type { Kysely } from "kysely";
import type { Db } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { LiveBus, LiveEvent } from "./live-bus.js";

export type LiveBinding = {
  /** The instance itself, never a transaction: for work that must run after one ends. */
  db: Kysely<DB>;
  bus: LiveBus;
  /** Open event streams, each by the function that ends it. */
  streams: Set<() => void>;
};

const bindings = new WeakMap<object, LiveBinding>();


export function liveOf(db: Db): LiveBinding | undefined {
  return bindings.get(dbKey(db));
}

/**
 * Gives the app its bus. Open streams end before the server closes (otherwise close() waits
 * for them forever), then the bus closes with the app.
 */
export function attachLive(app: FastifyInstance, db: Kysely<DB>, bus: LiveBus): void {
  const binding: LiveBinding = { db, bus, streams: new Set() };
  bindings.set(dbKey(db), binding);
  app.addHook("preClose", async () => {
    for (const end of [...binding.streams]) end();
  });
  app.addHook("onClose", async () => {
    if (bindings.get(dbKey(db)) === binding) bindings.delete(dbKey(db));
    await bus.close();
  });
}

type TicketEvent = Extract<LiveEvent, { type: "ticket" }>;

/** The route's answer is often the ticket itself: then who may hear of it needs no query. */
function eventFromAnswer(answer: unknown, ticketIds: readonly number[]): TicketEvent | undefined {
  const t = answer as { id?: unknown; entityId?: unknown; requesterId?: unknown } | null;
  if (ticketIds.length !== 1 || typeof t?.id !== "number" || t.id !== ticketIds[0] || typeof t.entityId !== "number") return undefined;
  return { type: "ticket", id: t.id, entityId: t.entityId, requesterId: typeof t.requesterId === "number" ? t.requesterId : null };
}

/**
 * Tells the screens showing these tickets that they changed. Called once the change committed;
 * a failure is logged, not thrown: the change is done and the next refetch will show it.
 */
export async function publishTicketChanges(db: Kysely<DB>, ticketIds: readonly number[], log: FastifyBaseLogger, answer?: unknown): Promise<void> {
  const binding = liveOf(db);
  if (!binding || ticketIds.length === 0) return;
  try {
    const known = eventFromAnswer(answer, ticketIds);
    const events: TicketEvent[] = known ? [known] : (await db.selectFrom("ticket").select(["id", "entity_id", "requester_id"])
      .where("id", "in", [...ticketIds]).execute()).map((r) => ({ type: "ticket", id: r.id, entityId: r.entity_id, requesterId: r.requester_id }));
    await binding.bus.publish(events);
  } catch (err) {
    log.warn({ err, ticketIds }, "live update not published");
  }
}

/**
 * Publishes what a transaction produced, only if it commits. PostgreSQL delivers a NOTIFY at
 * commit and drops it on rollback. SQLite's single connection is held by the transaction until
 * COMMIT or ROLLBACK, so `committed` runs after that and returns the events whose rows are there.
 */
export async function publishOnCommit(
  trx: Db,
  events: LiveEvent[],
  committed: (db: Kysely<DB>) => Promise<LiveEvent[]>,
): Promise<void> {
  const binding = liveOf(trx);
  if (!binding || events.length === 0) return;
  if (binding.bus.atCommit) return binding.bus.publish(events, trx);
  // Not awaited: awaiting a query on the connection the transaction holds would never return.
  void committed(binding.db).then((kept) => binding.bus.publish(kept)).catch(() => undefined);
}
