import { parse as parseCsv } from "csv-parse/sync";
import { type CreateUserBody, CreateUserBodySchema, type ImportUsersResult, UpdateUserBodySchema } from "../../../shared/api/users.js";
import { CSV_IMPORT_MAX_ROWS } from "../../../shared/domain/limits.js";
import type { Db } from "../../db/database.js";
import type { Ctx } from "../../http/context.js";
import { AppError } from "../../http/errors.js";
import { allows, roleOn } from "./access.js";
import { findUserRowByLogin } from "./user.repo.js";
import { applyUserUpdate, insertUser } from "./user.service.js";

/** Header names accepted, in English and in French, as exported by GLPI or a spreadsheet. */
const HEADERS: Record<string, keyof CreateUserBody | "entity"> = {
  login: "login", identifiant: "login", username: "login",
  firstname: "firstName", prenom: "firstName",
  lastname: "lastName", nom: "lastName", name: "lastName",
  email: "email", courriel: "email", mail: "email",
  phone: "phone", telephone: "phone", tel: "phone",
  mobile: "mobile", portable: "mobile",
  jobtitle: "jobTitle", title: "jobTitle", fonction: "jobTitle", poste: "jobTitle",
  entity: "entity", entite: "entity",
  language: "language", langue: "language",
};

function headerKey(raw: string) {
  return HEADERS[raw.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z]/g, "")];
}

type Line = { line: number; fields: Record<string, string> };

function readCsv(text: string): Line[] {
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: string[][];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ""), { delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    throw new AppError("VALIDATION_FAILED", "The file is not valid CSV", [{ path: "body", message: (err as Error).message }]);
  }
  const [header, ...rows] = records;
  const keys = (header ?? []).map(headerKey);
  if (!keys.includes("login") || !keys.includes("lastName")) {
    throw new AppError("VALIDATION_FAILED", "The header must name at least login and lastName",
      [{ path: "body", message: "missing columns: login, lastName" }]);
  }
  if (rows.length > CSV_IMPORT_MAX_ROWS) {
    throw new AppError("VALIDATION_FAILED", `At most ${CSV_IMPORT_MAX_ROWS} lines per file`, [{ path: "body", message: "too many lines" }]);
  }
  return rows.map((cells, i) => {
    const fields: Record<string, string> = {};
    keys.forEach((key, col) => { if (key && cells[col]) fields[key] = cells[col]; });
    return { line: i + 2, fields };
  });
}

async function resolveEntity(db: Db, ref: string | undefined, fallback: number | undefined): Promise<number | undefined> {
  if (!ref) return fallback;
  if (/^\d+$/.test(ref)) return Number(ref);
  const byPath = await db.selectFrom("entity").select("id").where("complete_name", "=", ref).executeTakeFirst();
  if (byPath) return byPath.id;
  const byName = await db.selectFrom("entity").select("id").where("name", "=", ref).limit(2).execute();
  return byName.length === 1 ? byName[0]?.id : undefined;
}

/**
 * Creates or updates users from CSV, all or nothing: when a line is wrong nothing is
 * written and every wrong line is reported, so a corrected file can simply be sent again.
 */
export async function importUsers(ctx: Ctx, csv: string, defaultEntityId?: number): Promise<ImportUsersResult> {
  const lines = readCsv(csv);
  return ctx.db.transaction().execute(async (trx) => {
    const result: ImportUsersResult = { created: 0, updated: 0, errors: [] };
    const seen = new Set<string>();
    for (const { line, fields } of lines) {
      const fail = (code: ImportUsersResult["errors"][number]["code"], message: string) => result.errors.push({ line, code, message });
      const entityId = await resolveEntity(trx, fields.entity, defaultEntityId);
      if (entityId === undefined) { fail("ENTITY_NOT_FOUND", `unknown entity "${fields.entity ?? ""}"`); continue; }
      if (!allows(await roleOn(trx, ctx.actor, entityId), "user.write")) { fail("FORBIDDEN", "not allowed in this entity"); continue; }
      const login = (fields.login ?? "").toLowerCase();
      if (seen.has(login)) { fail("DUPLICATE_LOGIN", `login ${login} appears twice in the file`); continue; }
      seen.add(login);
      const existing = login ? await findUserRowByLogin(trx, login) : undefined;
      const { entity: _entity, login: _login, ...rest } = fields;
      const parsed = existing
        ? UpdateUserBodySchema.safeParse({ ...rest, entityId })
        : CreateUserBodySchema.safeParse({ ...rest, login, entityId, firstName: fields.firstName ?? "" });
      if (!parsed.success) { fail("VALIDATION_FAILED", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")); continue; }
      if (existing && !allows(await roleOn(trx, ctx.actor, existing.entity_id), "user.write")) { fail("FORBIDDEN", "not allowed to change this user"); continue; }
      if (result.errors.length > 0) continue;
      if (existing) {
        await applyUserUpdate(trx, ctx.actor, existing.id, parsed.data);
        result.updated++;
      } else {
        await insertUser(trx, ctx.actor, CreateUserBodySchema.parse(parsed.data));
        result.created++;
      }
    }
    if (result.errors.length > 0) {
      // Throwing rolls the transaction back; the caller still gets the report.
      throw new ImportRejected({ created: 0, updated: 0, errors: result.errors });
    }
    return result;
  }).catch((err: unknown) => {
    if (err instanceof ImportRejected) return err.result;
    throw err;
  });
}

class ImportRejected extends Error {
  constructor(readonly result: ImportUsersResult) {
    super("import rejected");
  }
}
