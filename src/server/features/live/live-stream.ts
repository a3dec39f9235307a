import type { FastifyReply, FastifyRequest } from "fastify";
import { LIVE_EVENTS } from "../../../shared/api/live.js";
import type { Ctx } from "../../http/context.js";
import { AppError } from "../../http/errors.js";
import { allows, roleOn } from "../identity/access.js";
import type { LiveEvent } from "./live-bus.js";
import { liveOf } from "./live.js";

const HEARTBEAT_MS = 20_000;
/** Entities whose verdict a stream remembers; past this it starts afresh (a rare, huge organisation). */
const ENTITY_CACHE_MAX = 1000;

/**
 * Who may hear of an event: the staff of the ticket's entity, its requester, and only the user
 * (or the group's members) a notification is for. Verdicts and groups are kept until the next
 * heartbeat, so a busy entity costs one query per stream and heartbeat, not one per event.
 */
export function visibilityFor(ctx: Ctx): { mayHear: (event: LiveEvent) => Promise<boolean>; forget: () => void } {
  const staffOf = new Map<number, boolean>();
  let groups: Promise<Set<number>> | undefined;
  const myGroups = () => (groups ??= ctx.db.selectFrom("group_member").select("group_id").where("user_id", "=", ctx.actor.userId)
    .execute().then((rows) => new Set(rows.map((r) => r.group_id))));
  const isStaff = async (entityId: number) => {
    let verdict = staffOf.get(entityId);
    if (verdict === undefined) {
      if (staffOf.size >= ENTITY_CACHE_MAX) staffOf.clear();
      verdict = allows(await roleOn(ctx.db, ctx.actor, entityId), "ticket.read");
      staffOf.set(entityId, verdict);
    }
    return verdict;
  };
  const mayHear = async (event: LiveEvent) => {
    switch (event.type) {
      case "notification": return "userId" in event ? event.userId === ctx.actor.userId : (await myGroups()).has(event.groupId);
      case "resync": return true;
      case "ticket": return event.requesterId === ctx.actor.userId || isStaff(event.entityId);
      case "presence": return isStaff(event.entityId);
    }
  };
  // Rights and groups change rarely: the stream checks them afresh at each heartbeat.
  const forget = () => {
    staffOf.clear();
    groups = undefined;
  };
  return { mayHear, forget };
}

/** What the browser gets: the kind of change and which record, nothing of its content. */
function format(event: LiveEvent): string {
  const data = event.type === "ticket" ? { id: event.id }
    : event.type === "presence" ? { ticketId: event.ticketId, present: event.present, at: event.at } : {};
  return `event: ${LIVE_EVENTS[event.type]}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A signed-out or expired session ends its streams at the next heartbeat. */
async function stillSignedIn(ctx: Ctx): Promise<boolean> {
  if (ctx.actor.kind !== "session" || !ctx.actor.sessionId) return true;
  const session = await ctx.db.selectFrom("session").select("expires_at").where("id", "=", ctx.actor.sessionId).executeTakeFirst();
  return session !== undefined && session.expires_at > new Date().toISOString();
}

/**
 * Streams the caller's events as Server-Sent Events until the browser leaves, the session
 * ends or the app closes. Events are checked one after the other, so they keep their order.
 */
export async function openLiveStream(ctx: Ctx, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const binding = liveOf(ctx.db);
  if (!binding) throw new AppError("SERVICE_UNAVAILABLE", "Live updates are not running");
  const { mayHear, forget } = visibilityFor(ctx);
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    // Proxies such as nginx would otherwise hold the events back in their buffer.
    "x-accel-buffering": "no",
    "x-content-type-options": "nosniff",
  });
  res.write("retry: 3000\n\n");
  let pending = Promise.resolve();
  const unsubscribe = binding.bus.subscribe((event) => {
    pending = pending.then(async () => {
      if (!res.writableEnded && (await mayHear(event))) res.write(format(event));
    }).catch((err: unknown) => req.log.warn({ err }, "live event not sent"));
  });
  const heartbeat = setInterval(() => {
    res.write(": ping\n\n");
    forget();
    stillSignedIn(ctx).then((ok) => ok || end(), () => undefined);
  }, HEARTBEAT_MS);
  const end = () => {
    clearInterval(heartbeat);
    unsubscribe();
    binding.streams.delete(end);
    if (!res.writableEnded) res.end();
  };
  binding.streams.add(end);
  res.on("close", end);
}
