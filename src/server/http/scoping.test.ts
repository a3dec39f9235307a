/**
 * Walks every route of the API as users of one entity and proves none of them reveals or
 * changes another entity's users. A new route is covered the day it is added to ROUTES;
 * a new path parameter makes this test fail until it gets a fixture below.
 */
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../shared/domain/roles.js";
import { ROUTES } from "../app.js";
import { type TestApp, createTestApp, makeEntity, makeUser, signedInUser } from "../../../test/app.js";
import { DIALECTS } from "../../../test/db.js";
import { insertScript } from "../features/kb/scripts/script.service.js";
import { addInstallation } from "../features/inventory/store/installations.js";

const SECRETS = ["secret.user", "secret@other.example", "Ville Secrète", "Équipe secrète", "Panne secrète", "Tâche secrète", "Catégorie secrète", "Vue secrète", "Inventaire secret", "Contrat secret", "Matériel secret", "Lieu secret", "Fournisseur secret", "Contact secret", "Logiciel secret", "Plage secrète", "Communauté secrète", "Script secret", "Article secret", "Rubrique secrète"];

describe.each(DIALECTS)("entity scoping of every route on %s", (dialect) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let snapshot: string;

  const otherEntityRows = async () => JSON.stringify([
    await t.db.selectFrom("app_user").selectAll().where("entity_id", "=", ids.otherEntity as number).orderBy("id").execute(),
    await t.db.selectFrom("user_group").selectAll().where("entity_id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("entity").selectAll().where("id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("role_grant").selectAll().where("entity_id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("api_token").selectAll().where("entity_id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("ticket").selectAll().where("entity_id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("ticket_followup").selectAll().execute(),
    await t.db.selectFrom("ticket_task").selectAll().execute(),
    await t.db.selectFrom("attachment").selectAll().execute(),
    await t.db.selectFrom("ticket_link").selectAll().execute(),
    await t.db.selectFrom("ticket_observer").selectAll().execute(),
    await t.db.selectFrom("ticket_category").selectAll().where("entity_id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("saved_view").selectAll().where("user_id", "=", ids.otherUser as number).execute(),
    await t.db.selectFrom("asset").selectAll().where("entity_id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("asset_event").selectAll().where("entity_id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("ticket_asset").selectAll().execute(),
    await t.db.selectFrom("inventory_scan").selectAll().execute(),
    await t.db.selectFrom("contract").selectAll().where("entity_id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("contract_asset").selectAll().execute(),
    await t.db.selectFrom("location").selectAll().where("entity_id", "=", ids.otherEntity as number).orderBy("id").execute(),
    await t.db.selectFrom("supplier").selectAll().where("entity_id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("supplier_contact").selectAll().orderBy("id").execute(),
    await t.db.selectFrom("kb_article").selectAll().where("entity_id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("kb_category").selectAll().where("entity_id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("kb_article_ticket").selectAll().execute(),
    await t.db.selectFrom("kb_attachment").selectAll().orderBy("id").execute(),
    await t.db.selectFrom("kb_script_run").selectAll().orderBy("id").execute(),
    await t.db.selectFrom("snmp_credential").selectAll().where("entity_id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("snmp_range").selectAll().where("entity_id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("snmp_scan").selectAll().where("entity_id", "=", ids.otherEntity as number).execute(),
    await t.db.selectFrom("asset_connection").selectAll().orderBy("id").execute(),
    await t.db.selectFrom("inventory_import_payload").selectAll().execute(),
  ]);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ids.ownEntity = (await makeEntity(t.db, t.rootId, "Ma ville")).id;
    ids.otherEntity = (await makeEntity(t.db, t.rootId, "Ville Secrète")).id;
    const secret = await makeUser(t.db, { entityId: ids.otherEntity, login: "secret.user", email: "secret@other.example" });
    ids.otherUser = secret.id;
    const group = await t.app.inject({ method: "POST", url: "/api/groups", headers: { cookie: t.adminCookie },
      payload: { name: "Équipe secrète", entityId: ids.otherEntity, recursive: false } });
    ids.otherGroup = group.json().id;
    await t.app.inject({ method: "POST", url: `/api/groups/${ids.otherGroup}/members`, headers: { cookie: t.adminCookie }, payload: { userId: secret.id } });
    const grant = await t.app.inject({ method: "POST", url: "/api/grants", headers: { cookie: t.adminCookie },
      payload: { userId: secret.id, entityId: ids.otherEntity, role: "technician" } });
    ids.otherGrant = grant.json().id;
    const token = await t.app.inject({ method: "POST", url: "/api/tokens", headers: { cookie: t.adminCookie },
      payload: { name: "Intégration secrète", entityId: ids.otherEntity, role: "technician" } });
    ids.otherToken = token.json().apiToken.id;
    const ticket = await t.app.inject({ method: "POST", url: "/api/tickets", headers: { cookie: t.adminCookie },
      payload: { title: "Panne secrète", entityId: ids.otherEntity, requesterId: secret.id } });
    ids.otherTicket = ticket.json().id;
    const task = await t.app.inject({ method: "POST", url: `/api/tickets/${ids.otherTicket}/tasks`, headers: { cookie: t.adminCookie },
      payload: { description: "Tâche secrète", minutesSpent: 10 } });
    ids.otherTask = task.json().id;
    const category = await t.app.inject({ method: "POST", url: "/api/categories", headers: { cookie: t.adminCookie },
      payload: { name: "Catégorie secrète", entityId: ids.otherEntity, portalLabel: "Catégorie secrète" } });
    ids.otherCategory = category.json().id;
    const sibling = await t.app.inject({ method: "POST", url: "/api/tickets", headers: { cookie: t.adminCookie },
      payload: { title: "Panne secrète bis", entityId: ids.otherEntity, requesterId: secret.id } });
    ids.otherSibling = sibling.json().id;
    const link = await t.app.inject({ method: "POST", url: `/api/tickets/${ids.otherTicket}/links`, headers: { cookie: t.adminCookie },
      payload: { kind: "related", otherId: ids.otherSibling } });
    ids.otherLink = link.json().id;
    // This app has no file store: the row alone proves every attachment route checks the ticket's entity first.
    ids.otherAttachment = (await t.db.insertInto("attachment").values({ ticket_id: ids.otherTicket as number, followup_id: null,
      file_name: "Panne secrète.png", content_type: "image/png", size: 1, sha256: "0".repeat(64), storage_key: `00/00/${"0".repeat(64)}`,
      is_private: 0, uploaded_by: secret.id, created_at: new Date().toISOString() }).returning("id").executeTakeFirstOrThrow()).id;
    ids.otherView = (await t.db.insertInto("saved_view").values({ user_id: secret.id, name: "Vue secrète", query: "{\"view\":\"all\"}",
      columns: null, created_at: new Date().toISOString(), updated_at: new Date().toISOString() }).returning("id").executeTakeFirstOrThrow()).id;
    const at = new Date().toISOString();
    const secretPlace = await t.db.insertInto("location").values({ entity_id: ids.otherEntity as number, parent_id: null, name: "Inventaire secret",
      complete_name: "Inventaire secret", depth: 0, location_type: "site", is_active: 1, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
    ids.otherCampaign = (await t.db.insertInto("inventory_campaign").values({ entity_id: ids.otherEntity as number, location_id: secretPlace.id,
      name: "Inventaire secret", status: "open", created_by: secret.id, created_at: at, closed_at: null }).returning("id").executeTakeFirstOrThrow()).id;
    ids.otherContract = (await t.db.insertInto("contract").values({ entity_id: ids.otherEntity as number, contract_type: "support",
      name: "Contrat secret", number: null, supplier_id: null, start_date: "2026-01-01", duration_months: 12, end_date: "2027-01-01",
      notice_months: 0, notice_date: "2027-01-01", tacit_renewal: 0, yearly_cost_cents: null, notes: null, created_at: at, updated_at: at,
    }).returning("id").executeTakeFirstOrThrow()).id;
    const laptopKind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "laptop").executeTakeFirstOrThrow();
    ids.otherAsset = (await t.app.inject({ method: "POST", url: "/api/assets", headers: { cookie: t.adminCookie },
      payload: { kindId: laptopKind.id, name: "Matériel secret", assetTag: "PC-SECRET", entityId: ids.otherEntity, userId: secret.id } })).json().id;
    // A monitor plugged into it: others may neither see it there nor unplug it.
    const monitorKind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "monitor").executeTakeFirstOrThrow();
    ids.otherDevice = (await t.app.inject({ method: "POST", url: "/api/assets", headers: { cookie: t.adminCookie },
      payload: { kindId: monitorKind.id, name: "Matériel secret", assetTag: "ECR-SECRET", entityId: ids.otherEntity } })).json().id;
    ids.otherConnection = (await t.app.inject({ method: "POST", url: `/api/assets/${ids.otherAsset}/connections`, headers: { cookie: t.adminCookie },
      payload: { deviceId: ids.otherDevice } })).json().id;
    // The fleet's reference lists: a place and a supplier with a contact of the other entity; kinds, fields, manufacturers and models are global.
    ids.otherLocation = (await t.app.inject({ method: "POST", url: "/api/locations", headers: { cookie: t.adminCookie },
      payload: { name: "Lieu secret", entityId: ids.otherEntity, locationType: "site" } })).json().id;
    ids.otherSupplier = (await t.app.inject({ method: "POST", url: "/api/suppliers", headers: { cookie: t.adminCookie },
      payload: { name: "Fournisseur secret", entityId: ids.otherEntity } })).json().id;
    ids.otherContact = (await t.app.inject({ method: "POST", url: `/api/suppliers/${ids.otherSupplier}/contacts`, headers: { cookie: t.adminCookie },
      payload: { name: "Contact secret" } })).json().contacts[0].id;
    // A software only the other entity's machine has: the catalogue must not even name it.
    ids.otherSoftware = (await t.db.insertInto("software").values({ name: "Logiciel secret", publisher: "Éditeur", name_key: "éditeur|logiciel secret",
      created_at: at }).returning("id").executeTakeFirstOrThrow()).id;
    const secretVersion = await t.db.insertInto("software_version").values({ software_id: ids.otherSoftware, version: "1.0", created_at: at })
      .returning("id").executeTakeFirstOrThrow();
    await addInstallation(t.db, { id: ids.otherAsset as number, entity_id: ids.otherEntity as number },
      { versionId: secretVersion.id, softwareId: ids.otherSoftware, installDate: null, arch: null });
    await t.db.updateTable("asset").set({ inventory_locks: JSON.stringify(["name"]) }).where("id", "=", ids.otherAsset as number).execute();
    // Its inventory says its disk is full and its antivirus off: the health lists must not name it to others.
    await t.db.insertInto("asset_inventory").values({ asset_id: ids.otherAsset as number, agent_id: null, agent_name: null, agent_version: null,
      hostname: null, uuid: null, os_name: null, os_version: null, os_build: null, os_arch: null, os_install_date: null, memory_mb: null,
      disk_mb: null, fullest_volume_pct: 99, last_user: null, antivirus_ok: 0, software_count: 0, details: "{}", details_hash: "", software_hash: "",
      inventoried_at: null, received_at: at, first_received_at: at }).execute();
    // A diagnostic script of the other entity and a run of it: neither its questions nor its run may show.
    ids.otherScript = await insertScript(t.db, undefined, { entityId: ids.otherEntity as number, name: "Script secret", description: "Script secret",
      forPortal: true, language: "fr", isActive: true, graph: { start: "q", nodes: [
        { id: "q", type: "question", text: "Script secret ?", answers: [{ label: "Script secret", next: "o" }] },
        { id: "o", type: "outcome", title: "Script secret", outcome: { kind: "solve", text: "Script secret" } }] } });
    const scriptVersion = await t.db.selectFrom("kb_script_version").select("id").where("script_id", "=", ids.otherScript).executeTakeFirstOrThrow();
    ids.otherRun = (await t.db.insertInto("kb_script_run").values({ script_id: ids.otherScript, version_id: scriptVersion.id, ticket_id: ids.otherTicket as number,
      entity_id: ids.otherEntity as number, user_id: secret.id, channel: "staff", path: "[]", current_node: "q", state: "running", result: null,
      started_at: at, ended_at: null }).returning("id").executeTakeFirstOrThrow()).id;
    // An SNMP credential, range and scan of the other entity: its community and range must not leak.
    ids.otherSnmpCredential = (await t.db.insertInto("snmp_credential").values({ entity_id: ids.otherEntity as number, name: "Communauté secrète",
      version: "v2c", community: "Communauté secrète", username: null, auth_protocol: null, auth_key: null, priv_protocol: null, priv_key: null,
      created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow()).id;
    ids.otherSnmpRange = (await t.db.insertInto("snmp_range").values({ entity_id: ids.otherEntity as number, name: "Plage secrète", spec: "10.9.9.0/24",
      address_count: 254, port: 161, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow()).id;
    ids.otherSnmpScan = (await t.db.insertInto("snmp_scan").values({ range_id: ids.otherSnmpRange, entity_id: ids.otherEntity as number, status: "done",
      total: 254, done: 254, found: 0, error: null, created_by: null, created_at: at, started_at: at, finished_at: at }).returning("id").executeTakeFirstOrThrow()).id;
    // A published FAQ article and a KB category of the other entity: neither its text nor its category may show.
    ids.otherKbCategory = (await t.app.inject({ method: "POST", url: "/api/kb/categories", headers: { cookie: t.adminCookie },
      payload: { name: "Rubrique secrète", entityId: ids.otherEntity } })).json().id;
    const article = (await t.app.inject({ method: "POST", url: "/api/kb/articles", headers: { cookie: t.adminCookie },
      payload: { kind: "article", title: "Article secret", body: "Article secret", entityId: ids.otherEntity, audience: "portal",
        categoryId: ids.otherKbCategory, ticketIds: [ids.otherTicket] } })).json();
    ids.otherArticle = article.id;
    // A file of that article: neither its name nor its bytes may reach another entity.
    ids.otherKbFile = (await t.db.insertInto("kb_attachment").values({ article_id: article.id, file_name: "Article secret.png", content_type: "image/png",
      size: 8, sha256: "0".repeat(64), storage_key: `00/00/${"0".repeat(64)}`, uploaded_by: null, created_at: at }).returning("id").executeTakeFirstOrThrow()).id;
    await t.app.inject({ method: "POST", url: `/api/kb/articles/${article.id}/status`, headers: { cookie: t.adminCookie }, payload: { status: "published", version: article.version } });
    // A refused inventory of the other entity's agent: attaching it to anything must be refused.
    ids.otherImportEntry = (await t.db.insertInto("inventory_import").values({ agent_id: null, entity_id: ids.otherEntity as number, device_id: "secret-pc",
      ip: null, query: "INVENTORY", outcome: "refused", reason: "MATCH_AMBIGUOUS", detail: null, asset_id: null, decision: "refuse", rule: null, trace: null,
      received_at: at }).returning("id").executeTakeFirstOrThrow()).id;
    await t.db.insertInto("inventory_import_payload").values({ import_id: ids.otherImportEntry, body: "", user_agent: null, created_at: at }).execute();
    // --- sla fixtures ---
    // A calendar and an SLA of the other entity, named after its ticket so that a leak shows.
    const sla = async (url: string, payload: object) =>
      (await t.app.inject({ method: "POST", url, headers: { cookie: t.adminCookie }, payload })).json().id as number;
    ids.otherSlaCalendar = await sla("/api/sla/calendars", { entityId: ids.otherEntity, name: "Panne secrète (calendrier)", definition: {
      timeZone: "Europe/Paris", week: { mon: ["09:00-18:00"], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      holidays: { france: true, alsaceMoselle: false }, closures: [] } });
    ids.otherSlaPolicy = await sla("/api/sla/policies", { entityId: ids.otherEntity, name: "Panne secrète (SLA)", isRecursive: true, categoryId: null,
      isActive: true, targets: [{ priority: 3, ownMinutes: 60, resolveMinutes: 480 }], levels: [] });
    // --- automation fixtures ---
    // A rule, template, canned response and schedule of the other entity: named after its ticket, so a leak shows.
    const automation = async (url: string, payload: object) =>
      (await t.app.inject({ method: "POST", url, headers: { cookie: t.adminCookie }, payload })).json().id as number;
    ids.otherRule = await automation("/api/automation/rules", { entityId: ids.otherEntity, name: "Panne secrète (règle)", trigger: "created",
      conditions: [], actions: [{ type: "assignGroup", groupId: ids.otherGroup }] });
    ids.otherTemplate = await automation("/api/automation/templates", { entityId: ids.otherEntity, name: "Panne secrète (modèle)", title: "Panne secrète" });
    ids.otherCanned = await automation("/api/automation/canned-responses", { entityId: ids.otherEntity, name: "Panne secrète (réponse)", content: "Panne secrète" });
    ids.otherRecurring = await automation("/api/automation/recurring", { entityId: ids.otherEntity, name: "Panne secrète (récurrent)", templateId: ids.otherTemplate,
      frequency: "day", every: 1, timeOfDay: "08:00", startsOn: "2026-01-01", assetIds: [ids.otherAsset] });
    expect([ids.otherRule, ids.otherTemplate, ids.otherCanned, ids.otherRecurring].every((id) => typeof id === "number")).toBe(true);
    // --- mail-out fixtures ---
    // A failed mail about the other entity's ticket: resending it is for the root's admins only.
    ids.otherOutgoingMail = (await t.db.insertInto("outgoing_mail").values({ event: "created", ticket_id: ids.otherTicket as number, source_job_id: null,
      recipient_id: null, to_address: "secret@example.fr", to_name: null, language: "fr", subject: "Panne secrète", text_body: "Panne secrète",
      html_body: "<p>Panne secrète</p>", message_id: "<secret@vigie.example>", in_reply_to: null, references: null, status: "failed", attempts: 1,
      last_error: "550", created_at: at, sent_at: null }).returning("id").executeTakeFirstOrThrow()).id;
    // --- mail-in fixtures ---
    // A mailbox of the other entity (its password a secret) and a mail it received: neither may show nor be collected, retried or changed.
    ids.otherMailbox = (await t.db.insertInto("mail_mailbox").values({ entity_id: ids.otherEntity as number, name: "Panne secrète (boîte)", kind: "imap",
      address: "secret@other.example", host: "127.0.0.1", port: 1, tls: "none", username: "secret.user", password: "Panne secrète", folder: "INBOX",
      after_action: "delete", after_folder: null, category_id: null, group_id: null, unknown_sender: "contact", is_enabled: 0, lease_owner: null,
      lease_until: null, last_run_at: null, last_error: null, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow()).id;
    ids.otherReceivedMail = (await t.db.insertInto("mail_received").values({ mailbox_id: ids.otherMailbox, entity_id: ids.otherEntity as number,
      sha256: "0".repeat(64), size: 10, message_id: "<secret@other.example>", from_address: "secret@other.example", from_name: null, subject: "Panne secrète",
      status: "failed", reason: "INTERNAL", error: "Panne secrète", ticket_id: null, followup_id: null, attempts: 1, next_attempt_at: null,
      received_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow()).id;
    snapshot = await otherEntityRows();
  });
  afterAll(async () => { await t.close(); });

  /** The other entity's record each path parameter points to. */
  function fill(url: string): string {
    const byPrefix: [string, string][] = [["/api/users/", "otherUser"], ["/api/groups/", "otherGroup"],
      ["/api/entities/", "otherEntity"], ["/api/grants/", "otherGrant"], ["/api/tokens/", "otherToken"], ["/api/history/", "otherUser"],
      ["/api/tickets/", "otherTicket"], ["/api/attachments/", "otherAttachment"], ["/api/assets/", "otherAsset"]];
    return url.replace(/:(\w+)/g, (_m, name: string) => {
      if (name === "recordType") return "user";
      if (name === "userId") return String(ids.otherUser);
      if (name === "taskId") return String(ids.otherTask);
      if (name === "categoryId") return String(ids.otherCategory);
      if (name === "linkId") return String(ids.otherLink);
      if (name === "viewId") return String(ids.otherView);
      if (name === "locationId") return String(ids.otherLocation);
      if (name === "supplierId") return String(ids.otherSupplier);
      if (name === "contactId") return String(ids.otherContact);
      if (["kindId", "fieldId", "manufacturerId", "modelId"].includes(name)) return "1";
      if (name === "assetId") return String(ids.otherAsset);
      if (name === "campaignId") return String(ids.otherCampaign);
      if (name === "contractId") return String(ids.otherContract);
      if (name === "tag") return "PC-SECRET";
      if (name === "importId") return "0".repeat(32);
      if (name === "entryId") return String(ids.otherImportEntry);
      // A field locked on the other entity's asset (beforeAll): unlocking it would change the asset's row.
      if (name === "field") return "name";
      if (name === "softwareId") return String(ids.otherSoftware);
      if (name === "loginId") return "00000000-0000-4000-8000-000000000000";
      if (name === "credentialId") return String(ids.otherSnmpCredential);
      if (name === "rangeId") return String(ids.otherSnmpRange);
      if (name === "scanId") return String(ids.otherSnmpScan);
      if (name === "scriptId") return String(ids.otherScript);
      if (name === "version") return "1";
      if (name === "runId") return String(ids.otherRun);
      if (name === "connectionId") return String(ids.otherConnection);
      if (name === "id" && url.startsWith("/api/kb/articles/")) return String(ids.otherArticle);
      if (name === "id" && url.startsWith("/api/kb/categories/")) return String(ids.otherKbCategory);
      if (name === "id" && url.startsWith("/api/kb/files/")) return String(ids.otherKbFile);
      if (name === "revision") return "1";
      if (name === "ticketId") return String(ids.otherTicket);
      // --- sla params ---
      if (name === "id" && url.startsWith("/api/sla/calendars/")) return String(ids.otherSlaCalendar);
      if (name === "id" && url.startsWith("/api/sla/policies/")) return String(ids.otherSlaPolicy);
      // --- automation params ---
      if (name === "id" && url.startsWith("/api/automation/rules/")) return String(ids.otherRule);
      if (name === "id" && url.startsWith("/api/automation/templates/")) return String(ids.otherTemplate);
      if (name === "id" && url.startsWith("/api/automation/canned-responses/")) return String(ids.otherCanned);
      if (name === "id" && url.startsWith("/api/automation/recurring/")) return String(ids.otherRecurring);
      // --- mail-out params ---
      if (name === "id" && url.startsWith("/api/mail/outgoing/")) return String(ids.otherOutgoingMail);
      if (name === "event") return "followup";
      if (name === "language") return "fr";
      // --- mail-in params ---
      if (name === "id" && url.startsWith("/api/mail-in/mailboxes/")) return String(ids.otherMailbox);
      if (name === "id" && url.startsWith("/api/mail-in/received/")) return String(ids.otherReceivedMail);
      if (name === "mailId") return String(ids.otherReceivedMail);
      const key = byPrefix.find(([p]) => url.startsWith(p))?.[1];
      if (name !== "id" || !key) throw new Error(`no fixture for :${name} in ${url}: add one to scoping.test.ts`);
      return String(ids[key]);
    });
  }

  const hostileBody = () => ({
    userId: ids.otherUser, entityId: ids.otherEntity, parentId: ids.otherEntity, role: "admin", recursive: true,
    login: "secret.user", firstName: "X", lastName: "Y", name: "Prise", isActive: false, password: "hijacked-password",
    version: 1, title: "Détournement", status: "closed", level: 2, groupId: ids.otherGroup, content: "pris", requesterId: ids.otherUser, description: "pris", minutesSpent: 999, isDone: true, accept: true, rating: 1,
    categoryId: ids.otherCategory, otherId: ids.otherSibling, sourceIds: [ids.otherSibling], kind: "related",
    ids: [ids.otherTicket], action: { type: "status", status: "closed" }, deviceId: ids.otherDevice,
  });

  for (const role of ["requester", "technician", "supervisor", "admin"] as Role[]) {
    it(`a ${role} of another entity can neither read nor change it through any route`, async () => {
      const { cookie } = await signedInUser(t, { entityId: ids.ownEntity as number, role });
      // /api/live is an endless event stream: its scoping is proven in features/live/live.routes.test.ts.
      for (const spec of ROUTES.filter((r) => !["/api/auth/logout", "/api/auth/password", "/api/setup", "/api/live"].includes(r.url))) {
        const url = fill(spec.url);
        const requests: InjectOptions[] = [
          { method: spec.method, url, headers: { cookie } },
          { method: spec.method, url: `${url}?entityId=${ids.otherEntity}&userId=${ids.otherUser}&groupId=${ids.otherGroup}`, headers: { cookie } },
        ];
        for (const req of requests) {
          if (spec.bodyType === "text/csv") {
            req.headers = { ...req.headers, "content-type": "text/csv" };
            req.payload = "login;firstName;lastName;entity\nsecret.user;X;Y;Ville Secrète\n";
          } else if (["POST", "PATCH", "PUT"].includes(spec.method)) {
            req.payload = hostileBody();
          }
          const res = await t.app.inject(req);
          const text = res.body;
          for (const secret of SECRETS) {
            expect(text.includes(secret), `${spec.method} ${req.url} as ${role} leaked "${secret}": ${text.slice(0, 200)}`).toBe(false);
          }
          expect(res.statusCode, `${spec.method} ${req.url} as ${role}`).not.toBe(500);
        }
      }
      expect(await otherEntityRows()).toBe(snapshot);
    });
  }

  it("an API token scoped to one entity sees only that entity", async () => {
    const created = await t.app.inject({ method: "POST", url: "/api/tokens", headers: { cookie: t.adminCookie },
      payload: { name: "GLPI sync", entityId: ids.ownEntity, role: "technician" } });
    const token = created.json().token as string;
    expect(token).toMatch(/^vig_/);
    const stored = await t.db.selectFrom("api_token").select("token_hash").where("name", "=", "GLPI sync").executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const headers = { authorization: `Bearer ${token}` };
    const own = await t.app.inject({ url: "/api/users", headers });
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain("secret.user");
    expect((await t.app.inject({ url: `/api/users/${ids.otherUser}`, headers })).statusCode).toBe(403);
    await t.app.inject({ method: "DELETE", url: `/api/tokens/${created.json().apiToken.id}`, headers: { cookie: t.adminCookie } });
    expect((await t.app.inject({ url: "/api/users", headers })).statusCode).toBe(401);
  });
});
