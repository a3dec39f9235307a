import type { Kysely } from "kysely";
import { CreateUserBodySchema } from "../src/shared/api/users.js";
import type { DB } from "../src/server/db/schema.js";
import { now } from "../src/server/db/values.js";
import { findEntityRow, linkNewEntity } from "../src/server/features/identity/entity.repo.js";
import { insertUser } from "../src/server/features/identity/user.service.js";

let counter = 0;
const next = () => ++counter;

export async function makeEntity(db: Kysely<DB>, parentId: number, name = `Entité ${next()}`) {
  const parent = await findEntityRow(db, parentId);
  if (!parent) throw new Error(`no entity ${parentId}`);
  const at = now();
  const row = await db.insertInto("entity").values({
    name, parent_id: parentId, complete_name: `${parent.complete_name} > ${name}`, depth: parent.depth + 1,
    comment: null, address: null, postcode: null, town: null, country: null, phone: null, email: null,
    created_at: at, updated_at: at,
  }).returningAll().executeTakeFirstOrThrow();
  await linkNewEntity(db, row.id, parentId);
  return row;
}

export async function makeUser(db: Kysely<DB>, opts: { entityId: number; login?: string; password?: string; email?: string }) {
  const n = next();
  const login = opts.login ?? `user${n}`;
  const id = await insertUser(db, undefined, CreateUserBodySchema.parse({
    login, firstName: "Jean", lastName: `Martin${n}`, email: opts.email ?? `${login}@example.fr`,
    entityId: opts.entityId, password: opts.password,
  }));
  return { id, login };
}
