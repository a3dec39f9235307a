import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { flag, foldText } from "../db/values.js";
import { recordHistory } from "../features/history/history.service.js";
import type { DemoEntities } from "./demo-entities.js";

type GroupSpec = { key: string; name: string; description: string; entityId: number; recursive: boolean };

/**
 * A support team past this size is split into squads ("Hotline N1 — équipe 2"): real hotlines
 * are teams of 10–50, and every member of a team hears of each ticket assigned to it.
 */
export const SQUAD_MAX = 40;

/** The group a team's `index`-th member belongs to: "n1", then "n1:2", "n1:3"… */
export function squadKey(key: string, index: number): string {
  const squad = Math.floor(index / SQUAD_MAX);
  return squad === 0 ? key : `${key}:${squad + 1}`;
}

/** The team's first group, then one more per SQUAD_MAX members. */
function withSquads(spec: GroupSpec, members: number): GroupSpec[] {
  const squads = Math.max(1, Math.ceil(members / SQUAD_MAX));
  return Array.from({ length: squads }, (_, i) =>
    i === 0 ? spec : { ...spec, key: `${spec.key}:${i + 1}`, name: `${spec.name} — équipe ${i + 1}` });
}

function groupSpecs(entities: DemoEntities, teamSizes: Map<string, number>): GroupSpec[] {
  const root = entities.rootId;
  const company: GroupSpec[] = [
    { key: "n1", name: "Hotline N1", description: "Premier niveau : prise d'appels, diagnostic, résolution rapide", entityId: root, recursive: true },
    { key: "network", name: "Support N2 Réseau", description: "Commutateurs, Wi-Fi, VPN, pare-feu", entityId: root, recursive: true },
    { key: "systems", name: "Support N2 Systèmes", description: "Serveurs, Active Directory, messagerie, sauvegardes", entityId: root, recursive: true },
    { key: "apps", name: "Support N2 Applications", description: "ERP, paie, applications métier", entityId: root, recursive: true },
    { key: "referents", name: "Référents informatiques", description: "Relais du support dans chaque site", entityId: root, recursive: true },
  ];
  const field = entities.sites.map((s) => ({
    key: `field:${s.city.name}`, name: `Techniciens de proximité ${s.city.name}`,
    description: `Interventions sur site à ${s.city.name}`, entityId: s.id, recursive: true,
  }));
  // Référents are relays in the sites, not a team tickets are assigned to: one group whatever its size.
  return [...company, ...field].flatMap((spec) => (spec.key === "referents" ? [spec] : withSquads(spec, teamSizes.get(spec.key) ?? 0)));
}

/** The support teams, each with its 'create' history row; returns their ids by key ("n1", "field:Lyon"…). */
export async function createDemoGroups(db: Kysely<DB>, entities: DemoEntities, teamSizes: Map<string, number>, at: string): Promise<Map<string, number>> {
  return db.transaction().execute(async (trx) => {
    const ids = new Map<string, number>();
    for (const spec of groupSpecs(entities, teamSizes)) {
      const row = await trx.insertInto("user_group").values({
        name: spec.name, sort_name: foldText(spec.name), description: spec.description,
        entity_id: spec.entityId, recursive: flag(spec.recursive), created_at: at, updated_at: at,
      }).returning("id").executeTakeFirstOrThrow();
      await recordHistory(trx, undefined, { recordType: "group", recordId: row.id, entityId: spec.entityId, action: "create", label: spec.name });
      ids.set(spec.key, row.id);
    }
    return ids;
  });
}
