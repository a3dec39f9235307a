import type { Kysely } from "kysely";
import { phoneDigits } from "../../../shared/domain/phone.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The hotline finds a caller by the number on the phone's screen, typed as they read it.
  await db.schema.alterTable("app_user").addColumn("phone_digits", "text").execute();
  await db.schema.alterTable("app_user").addColumn("mobile_digits", "text").execute();
  await db.schema.createIndex("app_user_phone_digits_idx").on("app_user").column("phone_digits").execute();
  await db.schema.createIndex("app_user_mobile_digits_idx").on("app_user").column("mobile_digits").execute();
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom("app_user").select(["id", "phone", "mobile"]).where("id", ">", after)
      .where((eb) => eb.or([eb("phone", "is not", null), eb("mobile", "is not", null)])).orderBy("id").limit(1000).execute();
    if (rows.length === 0) return;
    for (const row of rows) {
      await db.updateTable("app_user").set({ phone_digits: phoneDigits(row.phone), mobile_digits: phoneDigits(row.mobile) })
        .where("id", "=", row.id).execute();
    }
    after = (rows.at(-1) as { id: number }).id;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("app_user_mobile_digits_idx").execute();
  await db.schema.dropIndex("app_user_phone_digits_idx").execute();
  await db.schema.alterTable("app_user").dropColumn("mobile_digits").execute();
  await db.schema.alterTable("app_user").dropColumn("phone_digits").execute();
}
