/**
 * The demo's fleet: for each site a location tree (site > building > floors > rooms), a few
 * manufacturers, models and suppliers, then a laptop and a monitor per user, a printer per
 * floor and a switch per building, with purchase dates, warranties and a timeline. Inserted in
 * batches with explicit ids, so 100,000 users' 200,000 assets load in seconds (the bench's size).
 */
import type { Kysely } from "kysely";
import { addMonths } from "../../shared/domain/assets.js";
import { resetIdSequence } from "../db/dialect.js";
import { seedKinds } from "../db/migrations/2026_11_23_210000_assets.js";
import type { DB } from "../db/schema.js";
import type { AssetTable, AssetEventTable } from "../db/schema-assets.js";
import type { DemoEntities } from "./demo-entities.js";
import { type Random, createRandom } from "./random.js";

const ROWS_PER_INSERT = 500;
const ROWS_PER_TRANSACTION = 10_000;
const DAY = 86_400_000;

type Model = { kind: string; maker: string; name: string; priceCents: number; warrantyMonths: number };
const MODELS: Model[] = [
  { kind: "laptop", maker: "Dell", name: "Latitude 5440", priceCents: 109_000, warrantyMonths: 36 },
  { kind: "laptop", maker: "HP", name: "EliteBook 840 G10", priceCents: 119_000, warrantyMonths: 36 },
  { kind: "laptop", maker: "Lenovo", name: "ThinkPad T14 Gen 4", priceCents: 114_000, warrantyMonths: 36 },
  { kind: "monitor", maker: "Dell", name: "P2423D", priceCents: 24_900, warrantyMonths: 36 },
  { kind: "monitor", maker: "HP", name: "E24 G5", priceCents: 19_900, warrantyMonths: 36 },
  { kind: "printer", maker: "HP", name: "LaserJet Enterprise M507", priceCents: 54_000, warrantyMonths: 12 },
  { kind: "switch", maker: "Cisco", name: "Catalyst 9200-48P", priceCents: 320_000, warrantyMonths: 60 },
];
const SUPPLIERS = ["Bechtle", "Inmac Wstore", "Econocom", "Computacenter"];
const FLOORS = ["Rez-de-chaussée", "1er étage", "2e étage"];

type Place = { floors: { id: number; rooms: number[] }[]; building: number; site: number };
type Refs = { kinds: Map<string, { id: number; prefix: string }>; models: (Model & { id: number; makerId: number })[]; suppliers: number[] };
type Counters = Map<string, number>;

async function insertLocation(db: Kysely<DB>, entityId: number, name: string, type: string, parent: { id: number; complete_name: string; depth: number } | null, at: string) {
  return db.insertInto("location").values({
    entity_id: entityId, parent_id: parent?.id ?? null, name, complete_name: parent ? `${parent.complete_name} > ${name}` : name,
    depth: parent ? parent.depth + 1 : 0, location_type: type, address: null, postcode: null, city: null, country: null,
    is_active: 1, created_at: at, updated_at: at,
  }).returning(["id", "complete_name", "depth"]).executeTakeFirstOrThrow();
}

/** Each site's tree, at the site's entity so its departments see it. */
async function createPlaces(db: Kysely<DB>, entities: DemoEntities, at: string): Promise<Map<number, Place>> {
  const places = new Map<number, Place>();
  for (const site of entities.sites) {
    const top = await insertLocation(db, site.id, site.city.site, "site", null, at);
    const building = await insertLocation(db, site.id, "Bâtiment A", "building", top, at);
    const floors = [];
    for (const [f, name] of FLOORS.entries()) {
      const floor = await insertLocation(db, site.id, name, "floor", building, at);
      const rooms = [];
      for (let r = 1; r <= 3; r++) rooms.push((await insertLocation(db, site.id, `Salle ${f}${String(r).padStart(2, "0")}`, "room", floor, at)).id);
      floors.push({ id: floor.id, rooms });
    }
    const place = { floors, building: building.id, site: top.id };
    places.set(site.id, place);
    for (const dept of site.departments) places.set(dept.id, place);
  }
  return places;
}

async function createRefs(db: Kysely<DB>, rootId: number, at: string): Promise<Refs> {
  if (!(await db.selectFrom("asset_kind").select("id").limit(1).executeTakeFirst())) await seedKinds(db);
  const kindRows = await db.selectFrom("asset_kind").select(["id", "code", "tag_pattern"]).where("code", "in", ["laptop", "monitor", "printer", "switch"]).execute();
  const kinds = new Map(kindRows.map((k) => [k.code as string, { id: k.id, prefix: (k.tag_pattern ?? "AST-{YYYY}-{#####}").split("{YYYY}")[0] as string }]));
  const makers = new Map<string, number>();
  for (const maker of new Set(MODELS.map((m) => m.maker))) {
    makers.set(maker, (await db.insertInto("manufacturer").values({ name: maker, created_at: at }).returning("id").executeTakeFirstOrThrow()).id);
  }
  const models = [];
  for (const m of MODELS) {
    const makerId = makers.get(m.maker) as number;
    const row = await db.insertInto("asset_model").values({ kind_id: kinds.get(m.kind)?.id as number, manufacturer_id: makerId, name: m.name,
      part_number: null, created_at: at }).returning("id").executeTakeFirstOrThrow();
    models.push({ ...m, id: row.id, makerId });
  }
  const suppliers = [];
  for (const name of SUPPLIERS) {
    suppliers.push((await db.insertInto("supplier").values({ entity_id: rootId, name, phone: null, email: null, website: null, address: null,
      notes: null, is_active: 1, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow()).id);
  }
  return { kinds, models, suppliers };
}

type Plan = { kind: string; entityId: number; userId: number | null; locationId: number; label: string };

/** The assets to create: two per user, then the shared equipment of each site. */
function* planAssets(users: { id: number; entity_id: number; first_name: string }[], places: Map<number, Place>, rnd: Random): Generator<Plan> {
  for (const u of users) {
    const place = places.get(u.entity_id);
    if (!place) continue;
    const room = rnd.pick(rnd.pick(place.floors).rooms);
    yield { kind: "laptop", entityId: u.entity_id, userId: u.id, locationId: room, label: `Portable de ${u.first_name}` };
    yield { kind: "monitor", entityId: u.entity_id, userId: u.id, locationId: room, label: `Écran de ${u.first_name}` };
  }
  const seen = new Set<Place>();
  for (const [entityId, place] of places) {
    if (seen.has(place)) continue;
    seen.add(place);
    for (const [f, floor] of place.floors.entries()) yield { kind: "printer", entityId, userId: null, locationId: floor.id, label: `Imprimante étage ${f}` };
    yield { kind: "switch", entityId, userId: null, locationId: place.building, label: "Commutateur Bâtiment A" };
  }
}

function assetRow(plan: Plan, id: number, refs: Refs, counters: Counters, rnd: Random, now: number): AssetTable & { id: number } {
  const kind = refs.kinds.get(plan.kind) as { id: number; prefix: string };
  const model = rnd.pick(refs.models.filter((m) => m.kind === plan.kind));
  const purchase = new Date(now - rnd.int(30, 5 * 365) * DAY).toISOString().slice(0, 10);
  const prefix = `${kind.prefix}${purchase.slice(0, 4)}-`;
  const n = (counters.get(prefix) ?? 0) + 1;
  counters.set(prefix, n);
  const repair = plan.userId !== null && rnd.chance(0.02);
  // Last touched some day since it was bought (a reassignment, an inventory), to the minute: a
  // fleet where every asset changed at the same instant would make every list sort a tie.
  const bought = Date.parse(`${purchase}T09:00:00.000Z`);
  const updated = new Date(bought + rnd.int(0, Math.floor((now - bought) / 60_000)) * 60_000).toISOString();
  return {
    id, entity_id: plan.entityId, kind_id: kind.id, name: plan.label, asset_tag: `${prefix}${String(n).padStart(plan.kind === "printer" || plan.kind === "switch" ? 4 : 5, "0")}`,
    serial: `${model.maker.slice(0, 2).toUpperCase()}${id.toString(36).toUpperCase().padStart(8, "0")}`, manufacturer_id: model.makerId,
    model_id: model.id, status: repair ? "in_repair" : "in_use", location_id: plan.locationId, user_id: plan.userId,
    group_id: null, tech_contact_id: null, notes: null, fields: null, supplier_id: rnd.pick(refs.suppliers), order_number: `CMD-${purchase.slice(0, 4)}-${id}`,
    invoice_number: null, purchase_date: purchase, price_cents: model.priceCents, warranty_start: null, warranty_months: model.warrantyMonths,
    warranty_end: addMonths(purchase, model.warrantyMonths), depreciation_years: plan.kind === "switch" ? 5 : 3, disposed_at: null, recycler: null,
    disposal_certificate: null, loan_due_at: null, version: 1, created_by: null, created_at: `${purchase}T09:00:00.000Z`, updated_at: updated,
  } as AssetTable & { id: number };
}

type EventRow = Omit<AssetEventTable, "id">;

/** Its arrival, and for one in twenty a move since (someone changed offices). */
function eventsOf(row: AssetTable & { id: number }, place: Place | undefined, rnd: Random): EventRow[] {
  const base = { asset_id: row.id, entity_id: row.entity_id, from_user_id: null, from_location_id: null, actor_id: null };
  const events: EventRow[] = [{ ...base, event_type: "create", from_status: null, to_status: row.status, to_user_id: row.user_id,
    to_location_id: row.location_id, reason: "Livraison", created_at: row.created_at }];
  if (place && row.user_id !== null && rnd.chance(0.05)) {
    const to = rnd.pick(rnd.pick(place.floors).rooms);
    events.push({ ...base, event_type: "move", from_status: row.status, to_status: row.status, from_user_id: row.user_id, to_user_id: row.user_id,
      from_location_id: to, to_location_id: row.location_id, reason: "Changement de bureau", created_at: row.updated_at });
  }
  return events;
}

/** Adds the fleet to a freshly generated demo; returns how many assets it holds. */
export async function createDemoAssets(db: Kysely<DB>, entities: DemoEntities, options: { seed: number; now: number; at: string }): Promise<number> {
  const rnd = createRandom(options.seed + 11);
  const places = await createPlaces(db, entities, options.at);
  const refs = await createRefs(db, entities.rootId, options.at);
  const users = await db.selectFrom("app_user").select(["id", "entity_id", "first_name"]).orderBy("id").execute();
  const counters: Counters = new Map();
  let batch: Plan[] = [];
  let id = 0;
  const flush = async () => {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < batch.length; i += ROWS_PER_INSERT) {
        const rows = batch.slice(i, i + ROWS_PER_INSERT).map((p) => assetRow(p, ++id, refs, counters, rnd, options.now));
        await trx.insertInto("asset").values(rows).execute();
        await trx.insertInto("asset_event").values(rows.flatMap((r) => eventsOf(r, places.get(r.entity_id), rnd))).execute();
      }
    });
    batch = [];
  };
  for (const plan of planAssets(users, places, rnd)) {
    batch.push(plan);
    if (batch.length >= ROWS_PER_TRANSACTION) await flush();
  }
  if (batch.length > 0) await flush();
  // New assets continue each tag sequence after the demo's.
  for (const [prefix, last] of counters) await db.insertInto("asset_tag_counter").values({ prefix, last_value: last }).execute();
  // The ids were given explicitly: PostgreSQL's identity must continue after them (the caller analyzes after).
  await resetIdSequence(db, "asset");
  return id;
}
