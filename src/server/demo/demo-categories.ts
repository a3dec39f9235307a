import type { Kysely } from "kysely";
import type { Db } from "../db/database.js";
import type { DB } from "../db/schema.js";
import { flag } from "../db/values.js";
import { recordHistory } from "../features/history/history.service.js";

type Spec = {
  name: string;
  /** What a requester reads on the portal; none: a heading for its subcategories, or staff only. */
  portal?: string;
  description?: string;
  type?: "incident" | "request";
  /** A key of the demo's groups ("n1", "network"…). */
  group?: string;
  urgency?: number;
  impact?: number;
  children?: Spec[];
};

/** The company-wide tree, in the words of a French service desk and of the people who call it. */
const TREE: Spec[] = [
  { name: "Poste de travail", type: "incident", group: "n1", children: [
    { name: "Lenteur", portal: "Mon ordinateur est lent", description: "Tout rame, les applications mettent du temps à s'ouvrir", urgency: 2, impact: 2 },
    { name: "Ne démarre plus", portal: "Mon ordinateur ne démarre plus", description: "Écran noir, message d'erreur au démarrage, rien ne s'allume", urgency: 4, impact: 3 },
    { name: "Écran", portal: "Mon écran n'affiche rien ou affiche mal", description: "Image floue, scintillement, pas de signal", urgency: 3, impact: 2 },
  ] },
  { name: "Impression", portal: "Je n'arrive plus à imprimer", description: "Bourrage, toner, imprimante introuvable, impression bloquée",
    type: "incident", group: "n1", urgency: 3, impact: 2 },
  { name: "Messagerie", portal: "Un problème avec mes e-mails", description: "Outlook ne s'ouvre plus, messages non reçus, boîte pleine",
    type: "incident", group: "n1", urgency: 3, impact: 3 },
  { name: "Réseau", type: "incident", group: "network", children: [
    { name: "Wi-Fi", portal: "Le Wi-Fi ne marche pas", description: "Pas de réseau sans fil, coupures, mot de passe Wi-Fi refusé", urgency: 3, impact: 3 },
    { name: "VPN", portal: "Je n'arrive pas à me connecter à distance", description: "Télétravail : la connexion VPN échoue ou se coupe", urgency: 4, impact: 3 },
    { name: "Accès Internet", portal: "Je n'ai plus accès à Internet", description: "Les sites web ne s'affichent plus", urgency: 4, impact: 4 },
  ] },
  { name: "Logiciels", group: "n1", children: [
    { name: "Installation", portal: "J'ai besoin d'un logiciel", description: "Installer ou mettre à jour un logiciel sur mon poste", type: "request", urgency: 2, impact: 1 },
    { name: "Bureautique", portal: "Un souci avec Word, Excel ou PowerPoint", description: "Plantage, fichier qui ne s'ouvre pas, licence expirée", type: "incident", urgency: 3, impact: 2 },
    { name: "Métier", portal: "Un problème avec un logiciel métier", description: "ERP, paie, gestion commerciale…", type: "incident", group: "apps", urgency: 3, impact: 3 },
  ] },
  { name: "Comptes et accès", group: "n1", children: [
    { name: "Mot de passe", portal: "J'ai oublié mon mot de passe", description: "Mot de passe oublié ou expiré, compte bloqué", type: "request", urgency: 4, impact: 2 },
    { name: "Nouvel arrivant", portal: "Préparer l'arrivée d'un collègue", description: "Compte, messagerie, poste et accès pour une nouvelle personne", type: "request", group: "systems", urgency: 2, impact: 2 },
    { name: "Départ", portal: "Signaler le départ d'un collègue", description: "Fermer les accès et récupérer le matériel", type: "request", group: "systems", urgency: 2, impact: 2 },
  ] },
  { name: "Téléphonie", portal: "Mon téléphone ne fonctionne pas", description: "Pas de tonalité, messagerie vocale, renvoi d'appel",
    type: "incident", group: "n1", urgency: 3, impact: 2 },
  { name: "Matériel", group: "n1", children: [
    { name: "Demande de matériel", portal: "J'ai besoin d'un équipement", description: "Écran, clavier, souris, casque, station d'accueil…", type: "request", urgency: 2, impact: 1 },
    { name: "Panne", portal: "Un appareil est en panne", description: "Clavier, souris, casque ou station d'accueil défectueux", type: "incident", urgency: 3, impact: 2 },
  ] },
  // For the technicians only: nobody at a desk reports a full file server in these words.
  { name: "Serveurs", type: "incident", group: "systems", children: [
    { name: "Stockage", urgency: 4, impact: 4 },
    { name: "Sauvegardes", urgency: 3, impact: 4 },
    { name: "Annuaire", urgency: 4, impact: 5 },
  ] },
];

/** The category of each demo ticket title (demo-tickets.ts), by complete name. */
export const DEMO_TITLE_CATEGORIES: Record<string, string> = {
  "Imprimante bloquée au 2e étage": "Impression",
  "Mot de passe expiré": "Comptes et accès > Mot de passe",
  "Accès VPN impossible": "Réseau > VPN",
  "Outlook se ferme au démarrage": "Messagerie",
  "Écran noir au démarrage": "Poste de travail > Ne démarre plus",
  "Demande de création de compte": "Comptes et accès > Nouvel arrivant",
  "Wi-Fi instable en salle de réunion": "Réseau > Wi-Fi",
  "Lenteur du poste": "Poste de travail > Lenteur",
  "Partage réseau inaccessible": "Réseau",
  "Téléphone IP sans tonalité": "Téléphonie",
  "Demande d'un second écran": "Matériel > Demande de matériel",
  "Licence Office expirée": "Logiciels > Bureautique",
  "Serveur de fichiers saturé": "Serveurs > Stockage",
  "Badge refusé à l'accueil": "Comptes et accès",
  "Certificat expiré sur l'intranet": "Serveurs",
  "Scanner introuvable": "Impression",
};

type Parent = { id: number; completeName: string; depth: number; inherited: Spec };

async function insertCategory(db: Db, spec: Spec, parent: Parent | null, ctx: { rootId: number; groups: Map<string, number>; at: string }) {
  const completeName = parent ? `${parent.completeName} > ${spec.name}` : spec.name;
  const groupKey = spec.group ?? parent?.inherited.group;
  const row = await db.insertInto("ticket_category").values({
    entity_id: ctx.rootId, parent_id: parent?.id ?? null, name: spec.name, complete_name: completeName, depth: parent ? parent.depth + 1 : 0,
    portal_label: spec.portal ?? null, description: spec.description ?? null, default_type: spec.type ?? parent?.inherited.type ?? null,
    default_group_id: groupKey ? (ctx.groups.get(groupKey) ?? null) : null, default_urgency: spec.urgency ?? null,
    default_impact: spec.impact ?? null, in_portal: flag(spec.portal !== undefined), is_active: 1, created_at: ctx.at, updated_at: ctx.at,
  }).returning("id").executeTakeFirstOrThrow();
  await recordHistory(db, undefined, { recordType: "category", recordId: row.id, entityId: ctx.rootId, action: "create", label: spec.name });
  const inherited = { ...spec, type: spec.type ?? parent?.inherited.type, group: groupKey };
  for (const child of spec.children ?? []) await insertCategory(db, child, { id: row.id, completeName, depth: parent ? parent.depth + 1 : 0, inherited }, ctx);
}

/** The ticket categories, company-wide, with their portal words and defaults; returns how many. */
export async function createDemoCategories(db: Kysely<DB>, rootId: number, groups: Map<string, number>, at: string): Promise<number> {
  await db.transaction().execute(async (trx) => {
    for (const spec of TREE) await insertCategory(trx, spec, null, { rootId, groups, at });
  });
  const count = (specs: Spec[]): number => specs.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
  return count(TREE);
}

/** Demo ticket title → the id and default type of its category, for the categories in this database. */
export async function loadDemoTitleCategories(db: Kysely<DB>): Promise<Map<string, { id: number; type: string | null }>> {
  const rows = await db.selectFrom("ticket_category").select(["id", "complete_name", "default_type"])
    .where("complete_name", "in", Object.values(DEMO_TITLE_CATEGORIES)).execute();
  const byName = new Map(rows.map((r) => [r.complete_name, { id: r.id, type: r.default_type }]));
  return new Map(Object.entries(DEMO_TITLE_CATEGORIES).flatMap(([title, name]) => {
    const category = byName.get(name);
    return category ? [[title, category] as const] : [];
  }));
}
