import { type MarkReadBody, type Notification, type NotificationKind, UNREAD_COUNT_CAP, type UnreadCount }
  from "../../../shared/api/notifications.js";
import type { Page } from "../../../shared/api/common.js";
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { liveOf } from "../live/live.js";

function selectNotifications(db: Db) {
  return db.selectFrom("notification as n").leftJoin("app_user as a", "a.id", "n.actor_id")
    .select(["n.id", "n.kind", "n.ticket_id", "n.title", "n.due_at", "n.read_at", "n.created_at", "a.first_name", "a.last_name"]);
}

type NotificationListRow = Awaited<ReturnType<ReturnType<typeof selectNotifications>["executeTakeFirstOrThrow"]>>;

function toNotification(row: NotificationListRow): Notification {
  return {
    id: row.id, kind: row.kind as NotificationKind, ticketId: row.ticket_id, title: row.title,
    actorName: row.first_name === null ? null : `${row.first_name} ${row.last_name ?? ""}`.trim(),
    dueAt: row.due_at, readAt: row.read_at, createdAt: row.created_at,
  };
}

/** The caller's own notifications, newest first. */
export async function listNotifications(ctx: Ctx, page: { limit: number; cursor?: string }): Promise<Page<Notification>> {
  let q = selectNotifications(ctx.db).where("n.user_id", "=", ctx.actor.userId);
  if (page.cursor) q = q.where("n.id", "<", decodeCursor(page.cursor, ["number"])[0] as number);
  const rows = await q.orderBy("n.id", "desc").limit(page.limit + 1).execute();
  return toPage(rows, page.limit, toNotification, (r) => [r.id]);
}

/** Counting stops at UNREAD_COUNT_CAP: the bell shows "99+" and the index walk stays short. */
export async function countUnread(ctx: Ctx): Promise<UnreadCount> {
  const row = await ctx.db.selectFrom((eb) => eb.selectFrom("notification").select("id")
    .where("user_id", "=", ctx.actor.userId).where("read_at", "is", null).limit(UNREAD_COUNT_CAP).as("unread"))
    .select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  return { count: Number(row.count) };
}

/** Marks some (or all) of the caller's notifications read; other users' ids are ignored. */
export async function markRead(ctx: Ctx, body: MarkReadBody): Promise<UnreadCount> {
  let q = ctx.db.updateTable("notification").set({ read_at: now() }).where("user_id", "=", ctx.actor.userId).where("read_at", "is", null);
  if ("ids" in body) q = q.where("id", "in", body.ids);
  const result = await q.executeTakeFirst();
  // The user's other tabs update their bell too.
  if (Number(result.numUpdatedRows) > 0) await liveOf(ctx.db)?.bus.publish([{ type: "notification", userId: ctx.actor.userId }]);
  return countUnread(ctx);
}
