import type { Db } from "../../db/database.js";

/** Users joined with their entity's name, as every presenter needs it. */
export function selectUsers(db: Db) {
  return db
    .selectFrom("app_user as u")
    .innerJoin("entity as e", "e.id", "u.entity_id")
    .select([
      "u.id", "u.login", "u.first_name", "u.last_name", "u.sort_name", "u.email", "u.phone", "u.mobile",
      "u.job_title", "u.entity_id", "u.language", "u.time_zone", "u.is_active", "u.created_at", "u.updated_at",
      "e.complete_name as entity_name",
    ])
    .select((eb) => eb("u.password_hash", "is not", null).as("has_password"));
}

export type UserListRow = Awaited<ReturnType<ReturnType<typeof selectUsers>["executeTakeFirstOrThrow"]>>;

export function findUserRow(db: Db, id: number) {
  return db.selectFrom("app_user").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findUserRowByLogin(db: Db, login: string) {
  return db.selectFrom("app_user").selectAll().where("login", "=", login.toLowerCase()).executeTakeFirst();
}

/** Active users holding an admin grant, other than `exceptUserId`: the last admin must stay. */
export async function countOtherAdmins(db: Db, exceptUserId: number): Promise<number> {
  const row = await db
    .selectFrom("role_grant as g")
    .innerJoin("app_user as u", "u.id", "g.user_id")
    .select((eb) => eb.fn.count<number>("u.id").distinct().as("n"))
    .where("g.role", "=", "admin")
    .where("u.is_active", "=", 1)
    .where("u.id", "!=", exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
