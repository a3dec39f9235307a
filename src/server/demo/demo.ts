import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.js";
import { now } from "../db/values.js";
import { hashPassword } from "../features/identity/password.js";
import { DEMO_PASSWORDS, type DemoLogin, FIXED_ACCOUNTS, type PasswordKind, demoLogins } from "./accounts.js";
import { createDemoAssets } from "./demo-assets.js";
import { loadStarterLibrary } from "../features/kb/starter/starter.service.js";
import { loadStarterLibrary as loadStarterScripts } from "../features/kb/scripts/starter/starter.service.js";
import { createDemoCategories } from "./demo-categories.js";
import { createDemoEntities } from "./demo-entities.js";
import { createDemoGroups } from "./demo-groups.js";
import { type UserPlan, insertUserBatch, planUsers, supportTeams } from "./demo-users.js";
import { createRegistry } from "./people.js";
import { createRandom } from "./random.js";

export type DemoOptions = {
  seed?: number;
  /** 1 ≈ 300 users; 333 ≈ 100,000. */
  scale?: number;
  /** The moment the demo's dates count back from (default: now). */
  now?: Date;
  onProgress?: (usersDone: number) => void;
};

export type DemoResult = { logins: DemoLogin[]; users: number; entities: number; groups: number; rootId: number };

export const DEMO_DEFAULT_SEED = 2026;
export const DEMO_MAX_SCALE = 1000;
export const DEMO_SETTING = "demo";
/**
 * Users per transaction (inserted 500 rows per statement). Each commit rewrites every index page
 * the batch touched, and logins and names land all over the indexes: 5,000 per commit loads
 * 100,000 users twice as fast as 500 per commit on SQLite.
 */
const USERS_PER_TRANSACTION = 5000;
/**
 * Per-user 'create' history rows are written up to this many users. Above, they are skipped to
 * keep large loads fast: a generator's history of 100,000 creations tells nobody anything.
 */
const USER_HISTORY_MAX = 20_000;

async function hashDemoPasswords(): Promise<Record<PasswordKind, string>> {
  // scrypt costs tens of milliseconds by design: each distinct password is hashed once, its hash shared.
  const kinds = Object.keys(DEMO_PASSWORDS) as PasswordKind[];
  const hashes = await Promise.all(kinds.map((k) => hashPassword(DEMO_PASSWORDS[k])));
  return Object.fromEntries(kinds.map((k, i) => [k, hashes[i]])) as Record<PasswordKind, string>;
}

/** The seed and scale of the demo this database holds, if it holds one. */
export async function findDemo(db: Kysely<DB>): Promise<{ seed: number; scale: number } | undefined> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", DEMO_SETTING).executeTakeFirst();
  return row ? (JSON.parse(row.value) as { seed: number; scale: number }) : undefined;
}

/**
 * Fills an empty database with "Groupe Durand Industrie": sites, departments, support teams
 * and users, identical for the same seed and scale. Throws when the database has users.
 */
export async function generateDemo(db: Kysely<DB>, options: DemoOptions = {}): Promise<DemoResult> {
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= DEMO_MAX_SCALE)) throw new Error(`scale must be > 0 and ≤ ${DEMO_MAX_SCALE}`);
  if (await db.selectFrom("app_user").select("id").limit(1).executeTakeFirst()) {
    throw new Error("the database already has users: the demo loads into an empty database only");
  }
  const rnd = createRandom(options.seed ?? DEMO_DEFAULT_SEED);
  const at = now();
  const hashes = await hashDemoPasswords();
  const entities = await createDemoEntities(db, rnd, scale, at);
  const groups = await createDemoGroups(db, entities, supportTeams(entities, scale).sizes, at);
  await createDemoCategories(db, entities.rootId, groups, at);
  await db.insertInto("setting").values({ key: "setup_done", value: at })
    .onConflict((oc) => oc.column("key").doNothing()).execute();
  // Marks the database as a demo, so `vigie demo` run again serves it instead of refusing.
  await db.insertInto("setting").values({ key: DEMO_SETTING, value: JSON.stringify({ seed: options.seed ?? DEMO_DEFAULT_SEED, scale, at }) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: (eb) => eb.ref("excluded.value") })).execute();

  const ctx = { rnd, entities, logins: createRegistry(FIXED_ACCOUNTS.map((a) => a.login)),
    emails: createRegistry([]), now: (options.now ?? new Date()).getTime() };
  const history = Math.round(300 * scale) <= USER_HISTORY_MAX;
  let batch: UserPlan[] = [];
  let users = 0;
  for (const plan of planUsers(ctx, scale)) {
    batch.push(plan);
    if (batch.length < USERS_PER_TRANSACTION) continue;
    await insertUserBatch(db, batch, { hashes, groups, history });
    users += batch.length;
    options.onProgress?.(users);
    batch = [];
  }
  if (batch.length > 0) await insertUserBatch(db, batch, { hashes, groups, history });
  users += batch.length;
  await createDemoAssets(db, entities, { seed: options.seed ?? DEMO_DEFAULT_SEED, now: ctx.now, at });
  await loadStarterLibrary(db);
  // The guided diagnostic scripts, after the KB's articles so their outcomes can point at them.
  await db.transaction().execute((trx) => loadStarterScripts(trx, undefined, entities.rootId));
  // Fresh statistics after a bulk load, so the query planner sees the real table sizes (same SQL in both dialects).
  await sql`analyze`.execute(db);
  return { logins: demoLogins(), users, entities: entities.count, groups: groups.size, rootId: entities.rootId };
}
