import type { Kysely } from "kysely";
import { CreateUserBodySchema } from "../../shared/api/users.js";
import type { DB } from "../../server/db/schema.js";
import { now } from "../../server/db/values.js";
import { recordHistory } from "../../server/features/history/history.service.js";
import { findEntityRow, findRootEntityRow } from "../../server/features/identity/entity.repo.js";
import { createRootEntity } from "../../server/features/identity/entity.service.js";
import { insertUser } from "../../server/features/identity/user.service.js";
import { AppError } from "../../server/http/errors.js";
import { openAndMigrate } from "../../server/main.js";
import { EXIT, HELP, type Io, UsageError, loadEnv, parseCommand, parseNumber } from "../io.js";

const USAGE = `Usage: vigie user create --login LOGIN --first-name FIRST --last-name LAST [options]

Creates a user. On a fresh install, creates the organisation (the root entity) first.

Options:
  --login LOGIN          sign-in name: letters, digits and . _ @ -
  --first-name FIRST     first name
  --last-name LAST       last name
  --email EMAIL          email address
  --entity ID            the user's entity (default: the root entity)
  --admin                make the user an administrator of the whole organisation
  --organisation NAME    name of the organisation if it does not exist yet (default: Vigie)
  --language fr|en       language of the user's interface (default: fr)
  --password PASSWORD    the password; it then shows in the shell history: prefer the next two

The password is taken from --password, else from the VIGIE_PASSWORD environment variable,
else asked (twice) when run in a terminal. Without one the user cannot sign in yet;
an administrator always needs one.`;

const OPTIONS = {
  ...HELP,
  login: { type: "string" }, "first-name": { type: "string" }, "last-name": { type: "string" },
  email: { type: "string" }, entity: { type: "string" }, admin: { type: "boolean" },
  organisation: { type: "string", default: "Vigie" }, language: { type: "string", default: "fr" },
  password: { type: "string" },
} as const;

async function resolvePassword(given: string | undefined, io: Io, required: boolean): Promise<string | undefined> {
  const password = given ?? io.env.VIGIE_PASSWORD;
  if (password !== undefined || !io.askSecret) {
    if (password === undefined && required) {
      throw new UsageError("an administrator needs a password: pass --password, set VIGIE_PASSWORD or run in a terminal", USAGE);
    }
    return password;
  }
  const first = await io.askSecret("Password: ");
  if (first === "" && !required) return undefined;
  if ((await io.askSecret("Password again: ")) !== first) throw new UsageError("the two passwords differ");
  return first;
}

function validate(values: Record<string, unknown>, password: string | undefined, entityId: number) {
  const parsed = CreateUserBodySchema.safeParse({ login: values.login, firstName: values["first-name"], lastName: values["last-name"],
    email: values.email, language: values.language, entityId, password });
  if (parsed.success) return parsed.data;
  const flags: Record<string, string> = { firstName: "first-name", lastName: "last-name" };
  const lines = parsed.error.issues.map((i) => `  --${flags[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`);
  throw new UsageError(`invalid user:\n${lines.join("\n")}`);
}

type Body = ReturnType<typeof validate>;

async function createInDatabase(db: Kysely<DB>, body: Body, opts: { entity?: number; admin: boolean; organisation: string }) {
  return db.transaction().execute(async (trx) => {
    const root = (await findRootEntityRow(trx)) ?? (await createRootEntity({ db: trx }, opts.organisation));
    const entity = await findEntityRow(trx, opts.entity ?? root.id);
    if (!entity) throw new AppError("ENTITY_NOT_FOUND", `there is no entity ${opts.entity}`);
    const id = await insertUser(trx, undefined, { ...body, entityId: entity.id });
    if (opts.admin) {
      await trx.insertInto("role_grant").values({ user_id: id, entity_id: root.id, role: "admin", recursive: 1, created_at: now() }).execute();
      await recordHistory(trx, undefined, { recordType: "user", recordId: id, entityId: entity.id, action: "link", field: "role",
        label: `admin @ ${root.complete_name} (+)` });
      // Setup is done once an administrator exists: the web app's setup page must not offer itself.
      await trx.insertInto("setting").values({ key: "setup_done", value: now() }).onConflict((oc) => oc.column("key").doNothing()).execute();
    }
    return { id, entityName: entity.complete_name };
  });
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }, USAGE, 1);
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (positionals[0] !== "create") throw new UsageError(positionals[0] ? `unknown action "${positionals[0]}"` : "missing action: create", USAGE);
  const entity = parseNumber("entity", values.entity, USAGE);
  const env = loadEnv(io);
  const admin = values.admin ?? false;
  // Checked once before asking for a password, so a typo in a name does not cost typing it twice.
  validate(values, undefined, entity ?? 1);
  const body = validate(values, await resolvePassword(values.password, io, admin), entity ?? 1);
  const database = await openAndMigrate(env);
  try {
    const created = await createInDatabase(database.db, body, { entity, admin, organisation: values.organisation });
    io.out(`Created user ${body.login.toLowerCase()} (id ${created.id}) in ${created.entityName}${admin ? ", administrator" : ""}` +
      `${body.password ? "" : " — no password: this user cannot sign in yet"}.`);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
