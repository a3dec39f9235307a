import type { Kysely } from "kysely";
import type { Db } from "../db/database.js";
import type { DB } from "../db/schema.js";
import { recordHistory } from "../features/history/history.service.js";
import { linkNewEntity } from "../features/identity/entity.repo.js";
import { landline } from "./people.js";
import { CITIES, COMPANY, type City, DEPARTMENTS, IT_DEPARTMENT, type Title } from "./places.js";
import type { Random } from "./random.js";

export type DemoDepartment = { name: string; id: number; titles: Title[] };
export type DemoSite = { city: City; id: number; departments: DemoDepartment[] };
export type DemoEntities = { rootId: number; sites: DemoSite[]; count: number };

const HEAD_OFFICE_DEPARTMENTS = ["Comptabilité", "Ressources humaines", "Commercial", "Achats", "Service client"];
const PLANT_DEPARTMENTS = ["Production", "Logistique"];

type EntityInput = { name: string; parent?: { id: number; completeName: string; depth: number };
  address: string; postcode: string; town: string; phone: string | null; email: string | null };

async function insertEntity(db: Db, input: EntityInput, at: string) {
  const completeName = input.parent ? `${input.parent.completeName} > ${input.name}` : input.name;
  const depth = input.parent ? input.parent.depth + 1 : 0;
  const row = await db.insertInto("entity").values({
    name: input.name, parent_id: input.parent?.id ?? null, complete_name: completeName, depth, comment: null,
    address: input.address, postcode: input.postcode, town: input.town, country: "France",
    phone: input.phone, email: input.email, created_at: at, updated_at: at,
  }).returning("id").executeTakeFirstOrThrow();
  await linkNewEntity(db, row.id, input.parent?.id ?? null);
  await recordHistory(db, undefined, { recordType: "entity", recordId: row.id, entityId: row.id, action: "create", label: input.name });
  return { id: row.id, completeName, depth };
}

/** More sites as the company grows: 6 at scale 1, every city from scale ~60. */
function siteCount(scale: number): number {
  return Math.min(CITIES.length, 6 + Math.round(2 * Math.log2(Math.max(1, scale))));
}

/** Which departments a site has; Lyon always keeps its accounting, where the demo requester works. */
function departmentsOf(rnd: Random, city: City, index: number, scale: number): string[] {
  if (index === 0) return [IT_DEPARTMENT, ...HEAD_OFFICE_DEPARTMENTS];
  const others = DEPARTMENTS.map((d) => d.name).filter((n) => !PLANT_DEPARTMENTS.includes(n));
  const extra = rnd.sample(others, Math.min(others.length, rnd.int(1, 2) + Math.floor(Math.log2(1 + scale))));
  if (city.name === "Lyon" && !extra.includes("Comptabilité")) extra.push("Comptabilité");
  return [...PLANT_DEPARTMENTS, ...extra];
}

function titlesOf(department: string): Title[] {
  if (department === IT_DEPARTMENT) return [["Chef de projet informatique", "Cheffe de projet informatique"]];
  return DEPARTMENTS.find((d) => d.name === department)?.titles ?? [];
}

/** The root entity, the sites under it and the departments under each site, in one transaction. */
export async function createDemoEntities(db: Kysely<DB>, rnd: Random, scale: number, at: string): Promise<DemoEntities> {
  return db.transaction().execute(async (trx) => {
    const root = await insertEntity(trx, { name: COMPANY.name, address: COMPANY.address, postcode: COMPANY.postcode,
      town: COMPANY.town, phone: COMPANY.phone, email: COMPANY.email }, at);
    const sites: DemoSite[] = [];
    let count = 1;
    for (const [index, city] of CITIES.slice(0, siteCount(scale)).entries()) {
      const site = await insertEntity(trx, { name: city.site, parent: root, address: city.address, postcode: city.postcode,
        town: city.name, phone: landline(rnd, city), email: null }, at);
      const departments: DemoDepartment[] = [];
      for (const name of departmentsOf(rnd, city, index, scale)) {
        const dept = await insertEntity(trx, { name, parent: site, address: city.address, postcode: city.postcode,
          town: city.name, phone: null, email: null }, at);
        departments.push({ name, id: dept.id, titles: titlesOf(name) });
      }
      sites.push({ city, id: site.id, departments });
      count += 1 + departments.length;
    }
    return { rootId: root.id, sites, count };
  });
}

export function findWorkplace(entities: DemoEntities, city: string, department?: string) {
  const site = entities.sites.find((s) => s.city.name === city);
  if (!site) throw new Error(`the demo has no site in ${city}`);
  const dept = department ? site.departments.find((d) => d.name === department) : undefined;
  if (department && !dept) throw new Error(`the demo site ${city} has no department ${department}`);
  return { site, entityId: dept?.id ?? site.id };
}
