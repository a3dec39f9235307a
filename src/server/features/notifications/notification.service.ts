/**
 * The bell. A user's notifications are their own rows (user_id) and the rows of their groups
 * (group_id, stored once for all members, read per member in notification_read or up to the
 * member's "mark all read" mark). Each source is read newest first on its own index, then merged.
 */
import { type MarkReadBody, type Notification, type NotificationKind, UNREAD_COUNT_CAP, type UnreadCount }
  from "../../../shared/api/notifications.js";
import type { Page } from "../../../shared/api/common.js";
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { liveOf } from "../live/live.js";

type Membership = { group_id: number; created_at: string; notifications_read_to: number | null; notifications_read_at: string | null };

function memberships(db: Db, userId: number): Promise<Membership[]> {
  return db.selectFrom("group_member").select(["group_id", "created_at", "notifications_read_to", "notifications_read_at"])
    .where("user_id", "=", userId).execute();
}

/** `before`: the cursor, the last id of the previous page. */
function selectNotifications(db: Db, before?: number) {
  return db.selectFrom("notification as n").leftJoin("app_user as a", "a.id", "n.actor_id")
    .select(["n.id", "n.kind", "n.ticket_id", "n.title", "n.due_at", "n.created_at", "a.first_name", "a.last_name", "n.asset_id", "n.contract_id"])
    .$if(before !== undefined, (q) => q.where("n.id", "<", before as number));
}

/** A group's notifications that this member gets: since they joined, not about what they did, not the ones meant to skip them. */
function groupNotifications(db: Db, userId: number, m: Membership, before?: number) {
  return selectNotifications(db, before)
    .leftJoin("notification_read as r", (join) => join.onRef("r.notification_id", "=", "n.id").on("r.user_id", "=", userId))
    .where("n.group_id", "=", m.group_id).where("n.created_at", ">=", m.created_at)
    .where((eb) => eb.or([eb("n.skip_user_id", "is", null), eb("n.skip_user_id", "<>", userId)]))
    .where((eb) => eb.or([eb("n.actor_id", "is", null), eb("n.actor_id", "<>", userId)]));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectNotifications>["executeTakeFirstOrThrow"]>> & { read_at: string | null };

function toNotification(row: Row): Notification {
  return {
    id: row.id, kind: row.kind as NotificationKind, ticketId: row.ticket_id, title: row.title,
    actorName: row.first_name === null ? null : `${row.first_name} ${row.last_name ?? ""}`.trim(),
    dueAt: row.due_at, readAt: row.read_at, createdAt: row.created_at, assetId: row.asset_id, contractId: row.contract_id,
  };
}

/** The caller's notifications, their own and their groups', newest first. */
export async function listNotifications(ctx: Ctx, page: { limit: number; cursor?: string }): Promise<Page<Notification>> {
  const userId = ctx.actor.userId;
  const before = page.cursor ? (decodeCursor(page.cursor, ["number"])[0] as number) : undefined;
  const own = selectNotifications(ctx.db, before).select("n.read_at").where("n.user_id", "=", userId)
    .orderBy("n.id", "desc").limit(page.limit + 1).execute();
  const groups = (await memberships(ctx.db, userId)).map(async (m) => {
    const rows = await groupNotifications(ctx.db, userId, m, before).select("r.read_at")
      .orderBy("n.id", "desc").limit(page.limit + 1).execute();
    return rows.map((r) => ({ ...r, read_at: r.read_at ?? (m.notifications_read_to !== null && r.id <= m.notifications_read_to ? m.notifications_read_at : null) }));
  });
  const rows = (await Promise.all([own, ...groups])).flat().sort((a, b) => b.id - a.id);
  return toPage(rows.slice(0, page.limit + 1), page.limit, toNotification, (r) => [r.id]);
}

/** Counting stops at UNREAD_COUNT_CAP: the bell shows "99+" and each index walk stays short. */
export async function countUnread(ctx: Ctx): Promise<UnreadCount> {
  const userId = ctx.actor.userId;
  const count = async (ids: Promise<unknown[]>) => (await ids).length;
  const own = count(ctx.db.selectFrom("notification").select("id")
    .where("user_id", "=", userId).where("read_at", "is", null).limit(UNREAD_COUNT_CAP).execute());
  const groups = (await memberships(ctx.db, userId)).map((m) => count(groupNotifications(ctx.db, userId, m)
    .where("r.user_id", "is", null).where("n.id", ">", m.notifications_read_to ?? 0)
    .orderBy("n.id", "desc").limit(UNREAD_COUNT_CAP).execute()));
  const total = (await Promise.all([own, ...groups])).reduce((sum, n) => sum + n, 0);
  return { count: Math.min(total, UNREAD_COUNT_CAP) };
}

/** Marks some (or all) of the caller's notifications read; ids that are not theirs are ignored. */
export async function markRead(ctx: Ctx, body: MarkReadBody): Promise<UnreadCount> {
  const userId = ctx.actor.userId;
  const at = now();
  const changed = await ctx.db.transaction().execute(async (trx) => {
    let own = trx.updateTable("notification").set({ read_at: at }).where("user_id", "=", userId).where("read_at", "is", null);
    if ("ids" in body) own = own.where("id", "in", body.ids);
    let done = Number((await own.executeTakeFirst()).numUpdatedRows);
    for (const m of await memberships(trx, userId)) {
      if ("ids" in body) {
        const unread = await groupNotifications(trx, userId, m).select("n.id").where("n.id", "in", body.ids)
          .where("r.user_id", "is", null).where("n.id", ">", m.notifications_read_to ?? 0).execute();
        if (unread.length === 0) continue;
        await trx.insertInto("notification_read").values(unread.map((n) => ({ notification_id: n.id, user_id: userId, read_at: at }))).execute();
        done += unread.length;
      } else {
        // Everything of the group so far is read: one mark, not one row per notification.
        const last = await trx.selectFrom("notification").select("id").where("group_id", "=", m.group_id).orderBy("id", "desc").limit(1).executeTakeFirst();
        if (!last || last.id <= (m.notifications_read_to ?? 0)) continue;
        await trx.updateTable("group_member").set({ notifications_read_to: last.id, notifications_read_at: at })
          .where("group_id", "=", m.group_id).where("user_id", "=", userId).execute();
        done += 1;
      }
    }
    return done;
  });
  // The user's other tabs update their bell too.
  if (changed > 0) await liveOf(ctx.db)?.bus.publish([{ type: "notification", userId }]);
  return countUnread(ctx);
}
