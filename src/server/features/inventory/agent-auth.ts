/**
 * Optional agent authentication, the way the agents support it: HTTP Basic (OCS `--user/--password`,
 * FusionInventory `--user/--password`, GLPI agent `user`/`password`). An admin creates one login per
 * entity; its secret is shown once and stored hashed. Machines sent with it land in that entity or,
 * by their tag, in one of its sub-entities — never elsewhere: a client company's agents cannot file
 * machines into another client's fleet. When required, a message without credentials is challenged
 * (401 with WWW-Authenticate), which is when the agents send theirs.
 *
 * Secrets are 32 random bytes generated here, so SHA-256 is the right hash (as for API tokens): a
 * slow password hash would cost more CPU than storing the inventory itself.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { Db } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { InventoryProtocolError } from "./protocol/protocol-error.js";

export const AGENT_AUTH_KEY = "inventory.agent_auth";

export type AgentCredential = { id: string; login: string; entityId: number; secretHash: string; createdAt: string };
export type AgentAuthSetting = { required: boolean; credentials: AgentCredential[] };

const NONE: AgentAuthSetting = { required: false, credentials: [] };
let parsed: { text: string; value: AgentAuthSetting } | undefined;

export async function readAgentAuth(db: Kysely<DB> | Db): Promise<AgentAuthSetting> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", AGENT_AUTH_KEY).executeTakeFirst();
  if (!row) return NONE;
  if (parsed?.text !== row.value) parsed = { text: row.value, value: JSON.parse(row.value) as AgentAuthSetting };
  return parsed.value;
}

export async function writeAgentAuth(trx: Db, setting: AgentAuthSetting): Promise<void> {
  const value = JSON.stringify(setting);
  await trx.insertInto("setting").values({ key: AGENT_AUTH_KEY, value }).onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The login and password of an `Authorization: Basic …` header, if it is one. */
function basicCredentials(header: string | undefined): { login: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] as string, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * The credential a message was sent with; null when none was sent and none is required.
 * Throws AGENT_AUTH_REQUIRED (no credentials when they are required) or AGENT_AUTH_INVALID.
 */
export function authenticateAgent(setting: AgentAuthSetting, authorization: string | undefined): AgentCredential | null {
  const given = basicCredentials(authorization);
  if (!given) {
    if (setting.required) throw new InventoryProtocolError("AGENT_AUTH_REQUIRED", "This server requires agents to authenticate (HTTP Basic)");
    return null;
  }
  const credential = setting.credentials.find((c) => c.login === given.login);
  const expected = Buffer.from(credential?.secretHash ?? hashSecret(newSecret()), "hex");
  const actual = Buffer.from(hashSecret(given.password), "hex");
  if (!credential || !timingSafeEqual(expected, actual)) {
    throw new InventoryProtocolError("AGENT_AUTH_INVALID", `Unknown agent login or wrong password for ${given.login.slice(0, 100)}`);
  }
  return credential;
}
