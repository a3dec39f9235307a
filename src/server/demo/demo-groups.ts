import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { flag, foldText } from "../db/values.js";
import { recordHistory } from "../features/history/history.service.js";
import type { DemoEntities } from "./demo-entities.js";

type GroupSpec = { key: string; name: string; description: string; entityId: number; recursive: boolean };

function groupSpecs(entities: DemoEntities): GroupSpec[] {
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
  return [...company, ...field];
}

/** The support teams, each with its 'create' history row; returns their ids by key ("n1", "field:Lyon"…). */
export async function createDemoGroups(db: Kysely<DB>, entities: DemoEntities, at: string): Promise<Map<string, number>> {
  return db.transaction().execute(async (trx) => {
    const ids = new Map<string, number>();
    for (const spec of groupSpecs(entities)) {
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
