import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import type { FastifyBaseLogger } from "fastify";
import { type Database, openPostgres } from "../../db/database.js";
import { createTestApp } from "../../../../test/app.js";
import { createPgDatabaseUrl } from "../../../../test/db.js";
import { notifyUsers } from "../notifications/notify.js";
import { type LiveBus, type LiveEvent, LIVE_CHANNEL, createPgBus } from "./live-bus.js";
import { liveOf } from "./live.js";

const PG = Boolean(process.env.VIGIE_TEST_PG_URL);

/** Resolves with the first event the bus delivers that matches, or fails after `ms`. */
function nextEvent(bus: LiveBus, match: (e: LiveEvent) => boolean, ms = 5000): Promise<LiveEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { stop(); reject(new Error("no event")); }, ms);
    const stop = bus.subscribe((e) => {
      if (!match(e)) return;
      clearTimeout(timer);
      stop();
      resolve(e);
    });
  });
}

describe.runIf(PG)("the PostgreSQL live bus", () => {
  let url: string;
  let drop: () => Promise<void>;
  let database: Database;
  let bus: LiveBus;

  beforeAll(async () => {
    ({ url, drop } = await createPgDatabaseUrl());
    database = openPostgres(url, 2);
    bus = await createPgBus({ db: database.db, url, log: pino({ level: "silent" }) as FastifyBaseLogger });
  });
  afterAll(async () => {
    await bus.close();
    await database.close();
    await drop();
  });

  it("delivers at commit, and nothing of a rolled back transaction", async () => {
    const received: LiveEvent[] = [];
    const stop = bus.subscribe((e) => received.push(e));
    await database.db.transaction().execute(async (trx) => {
      await bus.publish([{ type: "notification", userId: 1 }], trx);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toEqual([]);
    });
    await expect(database.db.transaction().execute(async (trx) => {
      await bus.publish([{ type: "notification", userId: 2 }], trx);
      throw new Error("rollback");
    })).rejects.toThrow("rollback");
    await bus.publish([{ type: "notification", userId: 3 }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop();
    expect(received).toEqual([{ type: "notification", userId: 1 }, { type: "notification", userId: 3 }]);
  });

  it("reconnects when its connection drops, and says events may have been missed", async () => {
    const resync = nextEvent(bus, (e) => e.type === "resync");
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and query = ${`LISTEN ${LIVE_CHANNEL}`}`.execute(database.db);
    await resync;
    const after = nextEvent(bus, (e) => e.type === "ticket" && e.id === 42);
    await bus.publish([{ type: "ticket", id: 42, entityId: 1, requesterId: null }]);
    expect(await after).toMatchObject({ id: 42 });
  });
});

describe("publishing from a SQLite transaction", () => {
  it("waits for the commit, and drops what a rollback undid", async () => {
    const t = await createTestApp("sqlite");
    try {
      const bus = (liveOf(t.db) as { bus: LiveBus }).bus;
      const received: LiveEvent[] = [];
      bus.subscribe((e) => received.push(e));
      const ticket = (await t.app.inject({ method: "POST", url: "/api/tickets", headers: { cookie: t.adminCookie },
        payload: { title: "Onduleur en alarme" } })).json() as { id: number };
      const admin = await t.db.selectFrom("app_user").select("id").executeTakeFirstOrThrow();
      const about = { ticketId: ticket.id, title: "Onduleur en alarme", actor: undefined };
      received.length = 0;
      await t.db.transaction().execute(async (trx) => {
        await notifyUsers(trx, "followup", about, [admin.id]);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(received).toEqual([]);
      });
      await expect(t.db.transaction().execute(async (trx) => {
        await notifyUsers(trx, "due_soon", about, [admin.id]);
        throw new Error("rollback");
      })).rejects.toThrow("rollback");
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(received).toEqual([{ type: "notification", userId: admin.id }]);
    } finally {
      await t.close();
    }
  });
});
