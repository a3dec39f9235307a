import type { Insertable, Kysely, Transaction } from "kysely";
import type { Role } from "../../shared/domain/roles.js";
import type { DB } from "../db/schema.js";
import { flag } from "../db/values.js";
import { sortName } from "../features/identity/user.service.js";
import { FIXED_ACCOUNTS, type PasswordKind } from "./accounts.js";
import { type DemoEntities, type DemoSite, findWorkplace } from "./demo-entities.js";
import { squadKey } from "./demo-groups.js";
import { type Person, type Registry, newPerson } from "./people.js";
import { IT_DEPARTMENT, SITE_TITLES, SUPPORT_TITLES, type Title } from "./places.js";
import type { Random } from "./random.js";
import { phoneDigits } from "../../shared/domain/phone.js";

export type UserPlan = {
  person: Person;
  jobTitle: string;
  entityId: number;
  isActive: boolean;
  language: "fr" | "en";
  createdAt: string;
  grant: { role: Role; entityId: number; recursive: boolean };
  groups: { key: string; isManager: boolean }[];
  password: PasswordKind;
};

export type PlanContext = { rnd: Random; entities: DemoEntities; logins: Registry; emails: Registry; now: number };

const DAY_MS = 86_400_000;

function createdAt(ctx: PlanContext): string {
  return new Date(ctx.now - ctx.rnd.int(30 * DAY_MS, 3 * 365 * DAY_MS)).toISOString();
}

function titleFor(rnd: Random, titles: readonly Title[], female: boolean): string {
  const title = rnd.pick(titles);
  return female ? title[1] : title[0];
}

function* fixedPlans(ctx: PlanContext): Generator<UserPlan> {
  for (const a of FIXED_ACCOUNTS) {
    const { site, entityId } = findWorkplace(ctx.entities, a.workplace.city, a.workplace.department);
    const person = newPerson(ctx.rnd, site.city, ctx.logins, ctx.emails, a);
    const grantEntity = a.grantOn === "root" ? ctx.entities.rootId : a.grantOn === "site" ? site.id : entityId;
    yield { person, jobTitle: a.jobTitle, entityId, isActive: true, language: "fr", createdAt: createdAt(ctx),
      grant: { role: a.role, entityId: grantEntity, recursive: a.grantOn !== "own" }, groups: a.groups, password: a.password };
  }
}

/** Support staff grows with the company: about one technician for fifteen people. */
export function supportTeams(entities: DemoEntities, scale: number) {
  const teams = [
    { key: "n1", title: SUPPORT_TITLES.n1, count: Math.max(2, Math.round(6 * scale)) },
    { key: "network", title: SUPPORT_TITLES.network, count: Math.max(1, Math.round(2 * scale)) },
    { key: "systems", title: SUPPORT_TITLES.systems, count: Math.max(1, Math.round(2 * scale)) },
    { key: "apps", title: SUPPORT_TITLES.apps, count: Math.max(1, Math.round(1.5 * scale)) },
  ];
  const field = entities.sites.map((site) => ({ site, key: `field:${site.city.name}`, count: Math.max(1, Math.round((scale * site.city.weight) / 2)) }));
  return { teams, field, sizes: new Map([...teams, ...field].map((t) => [t.key, t.count])) };
}

function* staffPlans(ctx: PlanContext, scale: number): Generator<UserPlan> {
  const it = findWorkplace(ctx.entities, "Paris", IT_DEPARTMENT);
  const { teams, field } = supportTeams(ctx.entities, scale);
  for (const team of teams) {
    for (let i = 0; i < team.count; i++) {
      const person = newPerson(ctx.rnd, it.site.city, ctx.logins, ctx.emails);
      yield { person, jobTitle: person.female ? team.title[1] : team.title[0], entityId: it.entityId, isActive: true,
        language: "fr", createdAt: createdAt(ctx), grant: { role: "technician", entityId: ctx.entities.rootId, recursive: true },
        groups: [{ key: squadKey(team.key, i), isManager: false }], password: "technician" };
    }
  }
  for (const { site, key, count } of field) {
    for (let i = 0; i < count; i++) {
      const person = newPerson(ctx.rnd, site.city, ctx.logins, ctx.emails);
      yield { person, jobTitle: person.female ? SUPPORT_TITLES.field[1] : SUPPORT_TITLES.field[0], entityId: site.id,
        isActive: true, language: "fr", createdAt: createdAt(ctx), grant: { role: "technician", entityId: site.id, recursive: true },
        groups: [{ key: squadKey(key, i), isManager: false }], password: "technician" };
    }
  }
}

function pickSite(rnd: Random, sites: DemoSite[], totalWeight: number): DemoSite {
  let ticket = rnd.next() * totalWeight;
  for (const site of sites) {
    ticket -= site.city.weight;
    if (ticket < 0) return site;
  }
  return sites[sites.length - 1] as DemoSite;
}

/** Everybody else: requesters spread over the sites by size, most of them in a department. */
function* regularPlans(ctx: PlanContext, count: number): Generator<UserPlan> {
  const { rnd, entities } = ctx;
  const totalWeight = entities.sites.reduce((sum, s) => sum + s.city.weight, 0);
  for (let i = 0; i < count; i++) {
    const site = pickSite(rnd, entities.sites, totalWeight);
    const dept = rnd.chance(0.2) ? undefined : rnd.pick(site.departments);
    const person = newPerson(rnd, site.city, ctx.logins, ctx.emails);
    const entityId = dept?.id ?? site.id;
    yield { person, jobTitle: titleFor(rnd, dept?.titles ?? SITE_TITLES, person.female), entityId,
      isActive: rnd.chance(0.97), language: rnd.chance(0.03) ? "en" : "fr", createdAt: createdAt(ctx),
      grant: { role: "requester", entityId, recursive: false },
      groups: rnd.chance(0.015) ? [{ key: "referents", isManager: false }] : [], password: "requester" };
  }
}

/** Every user of the demo, in a fixed order: the known accounts, the support staff, then the rest. */
export function* planUsers(ctx: PlanContext, scale: number): Generator<UserPlan> {
  let planned = 0;
  for (const plan of [...fixedPlans(ctx), ...staffPlans(ctx, scale)]) {
    planned++;
    yield plan;
  }
  yield* regularPlans(ctx, Math.max(0, Math.round(300 * scale) - planned));
}

export type BatchDeps = { hashes: Record<PasswordKind, string>; groups: Map<string, number>; history: boolean };

function userRow(plan: UserPlan, hash: string) {
  const p = plan.person;
  return {
    login: p.login, first_name: p.firstName, last_name: p.lastName, sort_name: sortName(p.lastName, p.firstName),
    email: p.email, phone: p.phone, mobile: p.mobile, phone_digits: phoneDigits(p.phone), mobile_digits: phoneDigits(p.mobile), job_title: plan.jobTitle, entity_id: plan.entityId,
    language: plan.language, time_zone: null, password_hash: hash, is_active: flag(plan.isActive),
    created_at: plan.createdAt, updated_at: plan.createdAt,
  };
}

const ROWS_PER_STATEMENT = 500;

/** Multi-row inserts of at most ROWS_PER_STATEMENT rows: PostgreSQL takes 65,535 parameters per statement. */
async function insertRows<T extends "app_user" | "role_grant" | "group_member" | "history">(
  trx: Transaction<DB>, table: T, rows: Insertable<DB[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await trx.insertInto(table).values(rows.slice(i, i + ROWS_PER_STATEMENT) as never).execute();
  }
}

async function insertUsers(trx: Transaction<DB>, plans: UserPlan[], deps: BatchDeps): Promise<Map<string, number>> {
  const idOf = new Map<string, number>();
  for (let i = 0; i < plans.length; i += ROWS_PER_STATEMENT) {
    const rows = plans.slice(i, i + ROWS_PER_STATEMENT).map((p) => userRow(p, deps.hashes[p.password]));
    const inserted = await trx.insertInto("app_user").values(rows).returning(["id", "login"]).execute();
    // RETURNING promises no order: match rows back by their unique login.
    for (const r of inserted) idOf.set(r.login, r.id);
  }
  return idOf;
}

/** A batch of users with their grants, memberships and history, in one transaction. */
export async function insertUserBatch(db: Kysely<DB>, plans: UserPlan[], deps: BatchDeps): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const idOf = await insertUsers(trx, plans, deps);
    const id = (plan: UserPlan) => idOf.get(plan.person.login) as number;
    await insertRows(trx, "role_grant", plans.map((p) => ({ user_id: id(p), entity_id: p.grant.entityId,
      role: p.grant.role, recursive: flag(p.grant.recursive), created_at: p.createdAt })));
    await insertRows(trx, "group_member", plans.flatMap((p) => p.groups.map((g) => ({ group_id: deps.groups.get(g.key) as number,
      user_id: id(p), is_manager: flag(g.isManager), created_at: p.createdAt }))));
    if (!deps.history) return;
    // The same row recordHistory() writes for a created user, built here to insert a batch at once.
    await insertRows(trx, "history", plans.map((p) => ({ record_type: "user", record_id: id(p), entity_id: p.entityId,
      action: "create", field: null, old_value: null, new_value: `${p.person.firstName} ${p.person.lastName} (${p.person.login})`,
      actor_id: null, actor_name: "system", at: p.createdAt })));
  });
}
