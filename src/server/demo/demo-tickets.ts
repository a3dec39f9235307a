import { type Kysely, sql } from "kysely";
import { resetIdSequence } from "../db/dialect.js";
import type { DB } from "../db/schema.js";
import { DEFAULT_PRIORITY_MATRIX, priorityOf } from "../../shared/domain/tickets.js";
import { loadDemoTitleCategories } from "./demo-categories.js";
import { createRandom } from "./random.js";

const TITLES = [
  "Imprimante bloquée au 2e étage", "Mot de passe expiré", "Accès VPN impossible", "Outlook se ferme au démarrage",
  "Écran noir au démarrage", "Demande de création de compte", "Wi-Fi instable en salle de réunion", "Lenteur du poste",
  "Partage réseau inaccessible", "Téléphone IP sans tonalité", "Demande d'un second écran", "Licence Office expirée",
  "Serveur de fichiers saturé", "Badge refusé à l'accueil", "Certificat expiré sur l'intranet", "Scanner introuvable",
];
const ROWS_PER_INSERT = 500;
const ROWS_PER_TRANSACTION = 10_000;
const OPEN_SHARE = 0.12;

export type TicketDemoOptions = { seed?: number; count: number; now?: Date; onProgress?: (done: number) => void };

type People = { requesters: { id: number; entity_id: number }[]; technicians: number[]; groups: number[] };

async function loadPeople(db: Kysely<DB>): Promise<People> {
  const requesters = await db.selectFrom("app_user").select(["id", "entity_id"]).orderBy("id").execute();
  const technicians = await db.selectFrom("role_grant").select("user_id").where("role", "in", ["technician", "supervisor"])
    .orderBy("user_id").execute();
  const groups = await db.selectFrom("user_group").select("id").orderBy("id").execute();
  return { requesters, technicians: technicians.map((t) => t.user_id), groups: groups.map((g) => g.id) };
}

/**
 * Adds `count` tickets over the two years before `now`, for benchmarks: mostly closed, about
 * 12 % still open, each with one followup and its creation in the history. Deterministic for a seed; needs the demo's users.
 */
export async function generateTickets(db: Kysely<DB>, options: TicketDemoOptions): Promise<number> {
  const rnd = createRandom(options.seed ?? 7);
  const people = await loadPeople(db);
  const categories = await loadDemoTitleCategories(db);
  if (people.requesters.length === 0 || people.technicians.length === 0) throw new Error("load the demo users first");
  const end = (options.now ?? new Date()).getTime();
  const start = end - 2 * 365 * 86_400_000;
  const first = ((await db.selectFrom("ticket").select((eb) => eb.fn.max("id").as("m")).executeTakeFirst())?.m ?? 0) as number;
  let done = 0;
  while (done < options.count) {
    const size = Math.min(ROWS_PER_TRANSACTION, options.count - done);
    await db.transaction().execute(async (trx) => {
      for (let offset = 0; offset < size; offset += ROWS_PER_INSERT) {
        const rows = [];
        const followups = [];
        const history = [];
        for (let k = 0; k < Math.min(ROWS_PER_INSERT, size - offset); k++) {
          const n = done + offset + k;
          // Tickets come in time order, so recent ids are the open ones, as in a real service desk.
          const created = start + ((end - start) * n) / options.count;
          const isOpen = n > options.count * (1 - OPEN_SHARE) || rnd.chance(0.01);
          const requester = rnd.pick(people.requesters);
          const urgency = rnd.int(1, 5);
          const impact = rnd.int(1, 5);
          const assignee = rnd.chance(0.8) ? rnd.pick(people.technicians) : null;
          const status = isOpen ? rnd.pick(assignee ? ["assigned", "in_progress", "pending"] : ["new", "assigned"]) : "closed";
          const updated = new Date(created + rnd.int(1, 72) * 3_600_000).toISOString();
          // Drawn in the same order as before categories existed, so a seed still gives the same tickets.
          const drawnType = rnd.chance(0.6) ? "incident" : "request";
          const title = rnd.pick(TITLES);
          const category = categories.get(title);
          rows.push({
            id: first + n + 1, entity_id: requester.entity_id, type: category?.type ?? drawnType, title, category_id: category?.id ?? null,
            description: "<p>Bonjour, merci de votre aide.</p>", channel: rnd.pick(["phone", "email", "portal", "portal", "walk_in"]),
            requester_id: requester.id, contact_name: null, contact_phone: null, contact_email: null, assignee_id: assignee,
            group_id: status === "new" && !assignee ? null : rnd.pick(people.groups), level: rnd.chance(0.2) ? 2 : 1, status, is_open: isOpen ? (1 as const) : (0 as const),
            pending_reason: status === "pending" ? "Attente de l'utilisateur" : null, pending_until: null, urgency, impact,
            priority: priorityOf(DEFAULT_PRIORITY_MATRIX, urgency, impact), due_at: new Date(created + 3 * 86_400_000).toISOString(),
            call_seconds: null, version: 1, created_by: requester.id, created_at: new Date(created).toISOString(), updated_at: updated,
            solved_at: isOpen ? null : updated, closed_at: isOpen ? null : updated, satisfaction: isOpen ? null : rnd.int(3, 5),
            satisfaction_comment: null, rated_at: null,
          });
          history.push({ record_type: "ticket", record_id: first + n + 1, entity_id: requester.entity_id, action: "create",
            field: null, old_value: null, new_value: rows.at(-1)?.title ?? null, actor_id: requester.id, actor_name: "Demo",
            at: new Date(created).toISOString() });
          followups.push({ ticket_id: first + n + 1, kind: "followup", is_private: 0 as const, content: "<p>Pris en compte.</p>",
            author_id: assignee, author_name: "Support", created_at: updated });
        }
        await trx.insertInto("ticket").values(rows).execute();
        await trx.insertInto("ticket_followup").values(followups).execute();
        await trx.insertInto("history").values(history).execute();
      }
    });
    done += size;
    options.onProgress?.(done);
  }
  // The ids were given explicitly: PostgreSQL's identity must continue after them.
  await resetIdSequence(db, "ticket");
  await sql`analyze`.execute(db);
  return done;
}
